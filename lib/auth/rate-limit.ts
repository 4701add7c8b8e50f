import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";

const WINDOW_SECONDS = 15 * 60;

export interface SignInLimiters {
  perEmail: RateLimiterDrizzle;
  perIp: RateLimiterDrizzle;
}

/** Counters live in the database so every server process shares them. */
export function createSignInLimiters(db: Database, limits: { perEmail: number; perIp: number }): SignInLimiters {
  const common = { storeClient: db, schema: rateLimits, duration: WINDOW_SECONDS, clearExpiredByTimeout: false };
  return {
    perEmail: new RateLimiterDrizzle({ ...common, keyPrefix: "signin-email", points: limits.perEmail }),
    perIp: new RateLimiterDrizzle({ ...common, keyPrefix: "signin-ip", points: limits.perIp }),
  };
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Spends one sign-in email from both the client's and the address's allowance. */
export async function consumeFrom(limiters: SignInLimiters, email: string, ip: string): Promise<LimitResult> {
  try {
    await limiters.perIp.consume(ip);
    await limiters.perEmail.consume(email);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
    throw error;
  }
}

const globalForLimits = globalThis as unknown as { tesseraSignInLimiters?: SignInLimiters };

export async function consumeSignInAllowance(email: string, ip: string): Promise<LimitResult> {
  globalForLimits.tesseraSignInLimiters ??= createSignInLimiters(getDb(), {
    perEmail: env.signInLimitPerEmail,
    perIp: env.signInLimitPerIp,
  });
  return consumeFrom(globalForLimits.tesseraSignInLimiters, email, ip);
}

export function tooManyRequestsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in emails were requested. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
