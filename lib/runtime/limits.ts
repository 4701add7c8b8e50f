import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { getDb } from "./database";
import { remember } from "./remember";

/** The one answer of every limiter: allowed (and counted), or how long to wait. */
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface Limiter {
  consume(key: string): Promise<LimitResult>;
}

export interface LimiterOptions {
  /** Also the key prefix in the rate_limits table. */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * A counter in the database (rate-limiter-flexible's Drizzle store), so every server process
 * shares it: sign-in, share-link lookups, the verify API, PDFs, exports and restores.
 */
export function createLimiter(db: Database, { name, points, durationSeconds }: LimiterOptions): Limiter {
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: name,
    points,
    duration: durationSeconds,
    clearExpiredByTimeout: false,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes)
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        throw error;
      }
    },
  };
}

/** This process's limiter of that name on the app's database: one per name (and per database, which tests swap). */
export function processLimiter(options: LimiterOptions): Limiter {
  const db = getDb();
  const byDatabase = remember("limiters", () => new WeakMap<Database, Map<string, Limiter>>());
  const limiters = byDatabase.get(db) ?? new Map<string, Limiter>();
  byDatabase.set(db, limiters);
  let limiter = limiters.get(options.name);
  if (!limiter) {
    limiter = createLimiter(db, options);
    limiters.set(options.name, limiter);
  }
  return limiter;
}

/**
 * Spends one call of a per-minute allowance, or throws the rate_limited DomainError: "<what>
 * Please wait N seconds and try again.", which the route helper answers with 429 and Retry-After.
 */
export async function spendAllowance(name: string, perMinute: number, key: string, what: string): Promise<void> {
  const result = await processLimiter({ name, points: perMinute, durationSeconds: 60 }).consume(key);
  if (!result.ok) {
    throw new DomainError("rate_limited", `${what} Please wait ${result.retryAfterSeconds} seconds and try again.`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}
