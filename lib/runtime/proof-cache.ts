import "server-only";
import { createMemoryProofCache, type ProofCache } from "@/lib/verification";
import { remember } from "./remember";

/** One proof cache per process: an unchanged credential's signature is checked once. */
export function processProofCache(): ProofCache {
  return remember("proof-cache", () => createMemoryProofCache(20_000));
}
