import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";

const WINDOW_SECONDS = 15 * 60;

type Limiters = { perEmail: RateLimiterDrizzle; perIp: RateLimiterDrizzle };
const globalForLimits = globalThis as unknown as { tesseraSignInLimiters?: Limiters };

function limiters(): Limiters {
  globalForLimits.tesseraSignInLimiters ??= {
    // Counters live in the database so every server process shares them.
    perEmail: new RateLimiterDrizzle({
      storeClient: getDb(),
      schema: rateLimits,
      keyPrefix: "signin-email",
      points: env.signInLimitPerEmail,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
    perIp: new RateLimiterDrizzle({
      storeClient: getDb(),
      schema: rateLimits,
      keyPrefix: "signin-ip",
      points: env.signInLimitPerIp,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
  };
  return globalForLimits.tesseraSignInLimiters;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Spends one sign-in email from both the address's and the client's allowance. */
export async function consumeSignInAllowance(email: string, ip: string): Promise<LimitResult> {
  const { perEmail, perIp } = limiters();
  try {
    await perIp.consume(ip);
    await perEmail.consume(email);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
    throw error;
  }
}

export function tooManyRequestsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in emails were requested. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
