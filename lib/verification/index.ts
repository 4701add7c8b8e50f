/**
 * Tessera's verification engine: pure core, injected adapters (fetch, clock, holder, registry,
 * proof cache). See docs/decisions/0010-verification-engine.md.
 */
export { verifyCredential } from "./verify";
export { aggregateVerdict } from "./checks";
export { createMemoryProofCache } from "./proof-cache";
// The JOSE issuer key source, for every JOSE-signed format (VC-JWT here, SD-JWT VC next).
export {
  resolveJoseIssuerKeys,
  type JoseKeyEnvironment,
  type JoseKeyRequest,
  type JoseKeyResult,
  type JoseKeySource,
} from "./keys/jose-issuer-keys";
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
