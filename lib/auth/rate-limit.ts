import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { createLimiter, processLimiter, type Limiter, type LimitResult } from "@/lib/runtime/limits";

const WINDOW_SECONDS = 15 * 60;

export interface SignInLimiters {
  perEmail: Limiter;
  perIp: Limiter;
}

/** Counters live in the database so every server process shares them. */
export function createSignInLimiters(db: Database, limits: { perEmail: number; perIp: number }): SignInLimiters {
  return {
    perEmail: createLimiter(db, { name: "signin-email", points: limits.perEmail, durationSeconds: WINDOW_SECONDS }),
    perIp: createLimiter(db, { name: "signin-ip", points: limits.perIp, durationSeconds: WINDOW_SECONDS }),
  };
}

/** Spends one sign-in email from both the client's and the address's allowance. */
export async function consumeFrom(limiters: SignInLimiters, email: string, ip: string): Promise<LimitResult> {
  const byClient = await limiters.perIp.consume(ip);
  if (!byClient.ok) return byClient;
  return limiters.perEmail.consume(email);
}

export async function consumeSignInAllowance(email: string, ip: string): Promise<LimitResult> {
  return consumeFrom(
    {
      perEmail: processLimiter({
        name: "signin-email",
        points: env.signInLimitPerEmail,
        durationSeconds: WINDOW_SECONDS,
      }),
      perIp: processLimiter({ name: "signin-ip", points: env.signInLimitPerIp, durationSeconds: WINDOW_SECONDS }),
    },
    email,
    ip,
  );
}

export function tooManyRequestsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in emails were requested. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
