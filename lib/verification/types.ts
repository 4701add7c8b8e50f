/**
 * Public types of the verification engine. The engine is pure: every remote lookup goes through
 * the injected `fetch`, time comes from `now`, and nothing here touches next/*, env or the db.
 */
import type { FetchLike } from "@/lib/net";
import type { NormalizedCredential } from "@/lib/credentials/record";

/** `holder` belongs to a presentation, not a credential: was it signed by the person presenting it? */
export type CheckId = "proof" | "issuer" | "validity" | "status" | "recipient" | "holder";
export type CheckStatus = "passed" | "failed" | "unknown";

export interface Check {
  id: CheckId;
  status: CheckStatus;
  /** One sentence a recruiter understands. */
  reason: string;
  /** Facts behind the reason, e.g. validFrom, validUntil, keyId, method, statusListUrl. */
  details?: Record<string, string>;
}

/** Shown as: Verified / Not verified / Could not fully check. */
export type Verdict = "verified" | "not-verified" | "unknown";

export interface VerificationResult {
  verdict: Verdict;
  checks: Check[];
  checkedAt: string;
  /** True when the signature outcome was reused from the proof cache (dates and status were re-checked). */
  proofFromCache: boolean;
}

/**
 * What the format interpreters produce (lib/credentials/formats `InterpretedCredential`), declared
 * structurally so this module does not depend on them. `payload` is only trusted after the proof
 * over `signed` (or the embedded proof) verifies; every check reads the verified content.
 */
export interface VerifyInput {
  record: Pick<
    NormalizedCredential,
    "format" | "securing" | "proofType" | "dates" | "status" | "recipient" | "issuer" | "credentialId"
  >;
  payload: unknown;
  signed?: { kind: "compact-jws"; token: string } | { kind: "jades"; jws: unknown } | { kind: "sd-jwt"; token: string };
  linked?: Record<string, unknown>;
}

export interface KnownIssuer {
  id: string;
  name: string;
}

/** The cacheable part of a verification: the signature and the key → issuer binding. */
export interface ProofOutcome {
  proof: Check;
  issuer: Check;
}

export interface ProofCache {
  get(key: string): ProofOutcome | undefined;
  set(key: string, outcome: ProofOutcome): void;
}

export interface VerifyDeps {
  /** The guarded fetcher (lib/net), possibly with an offline `documents` bundle. The only network path. */
  fetch: FetchLike;
  now: () => Date;
  /** For the recipient check; absent → recipient "unknown" ("no holder given"). */
  holder?: { emails: string[]; dids: string[] };
  /** Issuer registry: membership is reported in the issuer check's details. */
  knownIssuers?: ReadonlyArray<KnownIssuer>;
  proofCache?: ProofCache;
  /**
   * Certificate authorities (PEM or base64 DER) that vouch for JOSE issuers signing with an `x5c`
   * certificate. Without them such a certificate's chain is reported as not checked, and the issuer
   * check stays unknown.
   */
  x509TrustAnchors?: ReadonlyArray<string>;
}
