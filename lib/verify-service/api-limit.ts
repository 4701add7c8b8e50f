import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";

const globalForLimit = globalThis as unknown as { tesseraVerifyApiLimiter?: RateLimiterDrizzle };

/** Per-client allowance for the public verify API; returns seconds to wait, or 0 when allowed. */
export async function consumeVerifyAllowance(client: string): Promise<number> {
  globalForLimit.tesseraVerifyApiLimiter ??= new RateLimiterDrizzle({
    storeClient: getDb(),
    schema: rateLimits,
    keyPrefix: "verify-api",
    points: env.verifyApiLimitPerMinute,
    duration: 60,
    clearExpiredByTimeout: false,
  });
  try {
    await globalForLimit.tesseraVerifyApiLimiter.consume(client);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
