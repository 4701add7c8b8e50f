/**
 * Proof outcome cache. A signature check is a pure function of the signed bytes and the key
 * material, so its outcome can be reused as long as both are unchanged: the key is
 * SHA-256(signed bytes ‖ key fingerprint ‖ controller). Dates and status are never cached — they
 * change with time — and only definite outcomes (passed/failed) are stored, never "unknown"
 * (which is usually a transient network problem).
 */
import { createHash } from "node:crypto";
import type { ProofCache, ProofOutcome } from "./types";

/** An LRU of at most `max` outcomes (Map keeps insertion order; a hit moves the entry to the end). */
export function createMemoryProofCache(max = 1_000): ProofCache {
  const entries = new Map<string, ProofOutcome>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return structuredClone(hit);
    },
    set(key, outcome) {
      entries.delete(key);
      entries.set(key, structuredClone(outcome));
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** Cache key: every part is length-prefixed so no two different inputs can collide by concatenation. */
export function proofCacheKey(
  kind: string,
  signedBytesDigest: string,
  keyFingerprint: string,
  keyController: string,
  extra = "",
): string {
  const hash = createHash("sha256");
  for (const part of [kind, signedBytesDigest, keyFingerprint, keyController, extra])
    hash.update(`${part.length}:${part}`);
  return hash.digest("hex");
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Definite signature outcomes only; an unknown is usually transient (network) and must be retried. */
export function isCacheable(outcome: ProofOutcome): boolean {
  return outcome.proof.status !== "unknown";
}
