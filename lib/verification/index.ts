/**
 * Tessera's verification engine: pure core, injected adapters (fetch, clock, holder, registry,
 * proof cache). See docs/decisions/0010-verification-engine.md.
 */
export { verifyCredential } from "./verify";
export { createMemoryProofCache } from "./proof-cache";
export { verifyHolderProof } from "./presentation";
export type {
  Check,
  CheckId,
  CheckStatus,
  ProofCache,
  Verdict,
  VerificationResult,
  VerifyDeps,
  VerifyInput,
} from "./types";
