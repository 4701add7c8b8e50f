import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Per-client allowance for share-link lookups (docs/threat-model.md F2): the same Drizzle-backed
 * rate-limiter-flexible store as sign-in and the verify API, so every server process shares it.
 * The key is an HMAC of the client address, never the address itself: no raw IP is written to
 * the database (docs/threat-model.md F4).
 */

export type ShareLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface ShareViewLimiter {
  consume(clientAddress: string): Promise<ShareLimitResult>;
}

export function clientKey(clientAddress: string, secret: string): string {
  return createHmac("sha256", secret).update(`share-view\u0000${clientAddress}`).digest("base64url").slice(0, 22);
}

export function createShareViewLimiter(
  db: Database,
  { perMinute, secret }: { perMinute: number; secret: string },
): ShareViewLimiter {
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: "share-view",
    points: perMinute,
    duration: 60,
    clearExpiredByTimeout: false,
  });
  return {
    async consume(clientAddress) {
      try {
        await limiter.consume(clientKey(clientAddress, secret));
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes)
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        throw error;
      }
    },
  };
}
