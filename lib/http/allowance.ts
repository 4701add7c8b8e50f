import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { jsonError } from "./holder-route";

/**
 * A per-minute allowance keyed by a holder id or a client key, in the database like the other
 * limits so every server process shares it. One limiter per name per process.
 */
const globalForAllowances = globalThis as unknown as {
  tesseraAllowances?: WeakMap<object, Map<string, RateLimiterDrizzle>>;
};

/** Seconds to wait, or 0 when the call is allowed (and counted). */
export async function consumeAllowance(name: string, perMinute: number, key: string): Promise<number> {
  // Keyed by the database too: one in the app, but tests swap it.
  const db = getDb();
  const byDatabase = (globalForAllowances.tesseraAllowances ??= new WeakMap());
  const limiters = byDatabase.get(db) ?? new Map<string, RateLimiterDrizzle>();
  byDatabase.set(db, limiters);
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: name,
      points: perMinute,
      duration: 60,
      clearExpiredByTimeout: false,
    });
    limiters.set(name, limiter);
  }
  try {
    await limiter.consume(key);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

/** The 429 answer of a JSON route, with Retry-After. */
export function tooManyResponse(message: string, waitSeconds: number): Response {
  const response = jsonError(429, `${message} Please wait ${waitSeconds} seconds and try again.`);
  response.headers.set("retry-after", String(waitSeconds));
  return response;
}
