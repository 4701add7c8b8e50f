import "server-only";
import { createHmac } from "node:crypto";
import type { Database } from "@/db/client";
import type { Limiter } from "@/lib/runtime/limits";
import { createBatchedLimiter, type BatchedLimiterOptions } from "./batched-limit";

/**
 * Per-client allowance for share-link lookups (docs/threat-model.md F2): the same Drizzle-backed
 * rate-limiter-flexible store as sign-in and the verify API, so every server process shares it,
 * written at most every 250 ms per client (batched-limit.ts: a busy page's views cost no write each).
 * The key is an HMAC of the client address, never the address itself: no raw IP is written to
 * the database (docs/threat-model.md F4).
 */

/** Consumed with the client's address; the key stored is its HMAC. */
export type ShareViewLimiter = Limiter;

export function clientKey(clientAddress: string, secret: string): string {
  return createHmac("sha256", secret).update(`share-view\u0000${clientAddress}`).digest("base64url").slice(0, 22);
}

export function createShareViewLimiter(
  db: Database,
  { perMinute, secret }: { perMinute: number; secret: string },
  batching?: BatchedLimiterOptions,
): ShareViewLimiter {
  const limiter = createBatchedLimiter(db, { name: "share-view", points: perMinute, durationSeconds: 60 }, batching);
  return { consume: (clientAddress) => limiter.consume(clientKey(clientAddress, secret)) };
}
