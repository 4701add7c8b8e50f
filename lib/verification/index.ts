/**
 * Tessera's verification engine: pure core, injected adapters (fetch, clock, holder, registry,
 * proof cache). See docs/decisions/0010-verification-engine.md.
 */
export { verifyCredential } from "./verify";
export { aggregateVerdict } from "./checks";
export { createMemoryProofCache } from "./proof-cache";
export type {
  Check,
  CheckId,
  CheckStatus,
  KnownIssuer,
  ProofCache,
  ProofOutcome,
  Verdict,
  VerificationResult,
  VerifyDeps,
  VerifyInput,
} from "./types";
