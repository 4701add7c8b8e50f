import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { PDF_DOWNLOADS_PER_MINUTE } from "./limits";

const globalForLimit = globalThis as unknown as { tesseraPortfolioPdfLimiter?: RateLimiterDrizzle };

/**
 * Per-holder allowance for PDF downloads: each renders every page on the server (about a
 * second for 50 credentials), so a loop of requests must not take the server's CPU. Counters
 * live in the database like the other limits, so every server process shares them.
 * Returns seconds to wait, or 0 when allowed.
 */
export async function consumePortfolioPdfAllowance(holderId: string): Promise<number> {
  globalForLimit.tesseraPortfolioPdfLimiter ??= new RateLimiterDrizzle({
    storeClient: getDb(),
    schema: rateLimits,
    keyPrefix: "portfolio-pdf",
    points: PDF_DOWNLOADS_PER_MINUTE,
    duration: 60,
    clearExpiredByTimeout: false,
  });
  try {
    await globalForLimit.tesseraPortfolioPdfLimiter.consume(holderId);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
