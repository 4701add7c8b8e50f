import "server-only";
import { createHmac } from "node:crypto";
import type { Database } from "@/db/client";
import { createLimiter, type Limiter } from "@/lib/runtime/limits";

/**
 * Per-client allowance for share-link lookups (docs/threat-model.md F2): the same Drizzle-backed
 * rate-limiter-flexible store as sign-in and the verify API, so every server process shares it.
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
): ShareViewLimiter {
  const limiter = createLimiter(db, { name: "share-view", points: perMinute, durationSeconds: 60 });
  return { consume: (clientAddress) => limiter.consume(clientKey(clientAddress, secret)) };
}
