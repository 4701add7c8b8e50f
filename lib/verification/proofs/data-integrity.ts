/**
 * Embedded proofs: DataIntegrityProof (eddsa-rdfc-2022, ecdsa-rdfc-2019 P-256) and
 * Ed25519Signature2020. Same verify data as the reference stack — SHA-256(RDFC-1.0(proof options
 * with the document's @context)) ‖ SHA-256(RDFC-1.0(document without proof)) — computed on the
 * fast JSON-LD path and checked with node:crypto directly (no purposes machinery). Agreement with
 * @digitalbazaar/vc on every test-issuer credential and tamper is pinned by a differential test.
 */
import { failed, unknown } from "../checks";
import { resolveVerificationMethod } from "../keys/did";
import { contextProblemReason, scanDocument, vcVersionOf } from "../canon/context-allowlist";
import { LIMITS, TooComplexError } from "../limits";
import { isRecord, records, str, types, vcIssuer, type Json } from "../json";
import { isCacheable, proofCacheKey, sha256Hex } from "../proof-cache";
import { TOO_COMPLEX, errorDetail, reasonFor } from "../reasons";
import type { ProofOutcome, VerifyDeps } from "../types";
import { bindingCheck, issuerFor, unconfirmedIssuer } from "./binding";
import { verifyOneProof, suiteOf, type SuiteName } from "./di-proof";

export interface EmbeddedResult {
  outcome: ProofOutcome;
  fromCache: boolean;
}

const result = (outcome: ProofOutcome, fromCache = false): EmbeddedResult => ({ outcome, fromCache });

function notCheckable(reason: string, details?: Record<string, string | undefined>): EmbeddedResult {
  return result({ proof: unknown("proof", reason, details), issuer: unconfirmedIssuer() });
}

/**
 * Shape checks that must hold before a proof means anything. The JSON text (key order as
 * received) is the signed-bytes identity for the proof cache: JSON.stringify is injective on plain
 * JSON, and a re-ordered copy merely misses the cache (RFC 8785 canonicalization cost 4× more).
 */
function precheck(doc: Json): EmbeddedResult | { json: string | undefined } {
  const scan = scanDocument(doc, LIMITS.maxDepth);
  if (scan.tooDeep) return notCheckable(TOO_COMPLEX);
  const json = JSON.stringify(doc);
  if (json.length > LIMITS.maxCredentialChars) return notCheckable(TOO_COMPLEX, { size: `${json.length} characters` });
  if (scan.context)
    return notCheckable(
      contextProblemReason(scan.context),
      scan.context.kind === "unknown-url" ? { context: scan.context.url } : undefined,
    );
  if (!vcVersionOf(doc) || !types(doc).includes("VerifiableCredential") || !vcIssuer(doc).id) {
    return notCheckable(contextProblemReason({ kind: "not-a-credential" }));
  }
  return { json: scan.notPlainJson ? undefined : json };
}

export async function verifyDataIntegrity(doc: Json, deps: VerifyDeps): Promise<EmbeddedResult> {
  const pre = precheck(doc);
  if ("outcome" in pre) return pre;
  const proofs = records(doc.proof);
  if (proofs.length === 0) return notCheckable("This credential has no digital signature to check.");
  const supported = proofs
    .map((proof, index) => ({ proof, index, suite: suiteOf(proof, doc) }))
    .filter((p) => p.suite !== undefined);
  if (supported.length === 0) {
    const kinds = proofs.map((p) => str(p.cryptosuite) ?? str(p.type) ?? "unnamed").join(", ");
    return notCheckable(`The credential is signed with a method Tessera cannot check yet (${kinds}).`, {
      method: kinds,
    });
  }
  const digest = pre.json === undefined ? undefined : sha256Hex(pre.json);
  const outcomes: EmbeddedResult[] = [];
  // Any one valid proof suffices (OB 3.0 integrity §multiple proofs); report the most telling failure otherwise.
  for (const { proof, index, suite } of supported) {
    const outcome = await verifyCached(doc, proof, index, suite as SuiteName, digest, deps);
    if (outcome.outcome.proof.status === "passed") return outcome;
    outcomes.push(outcome);
  }
  return outcomes.find((o) => o.outcome.proof.status === "failed") ?? outcomes[0]!;
}

async function verifyCached(
  doc: Json,
  proof: Json,
  index: number,
  suite: SuiteName,
  digest: string | undefined,
  deps: VerifyDeps,
): Promise<EmbeddedResult> {
  const issuer = vcIssuer(doc);
  let key;
  try {
    key = await resolveVerificationMethod(str(proof.verificationMethod) ?? idOfVm(proof), deps.fetch);
  } catch (error) {
    return result(keyFailure(error, suite));
  }
  const binding = bindingCheck(key, issuer);
  const cache = digest === undefined ? undefined : deps.proofCache;
  const cacheKey =
    digest === undefined
      ? ""
      : proofCacheKey(`di:${suite}:${index}`, digest, key.fingerprint, key.controller, key.keyId);
  // Only the signature outcome is reused; the binding is recomputed from the key just resolved.
  const hit = cache?.get(cacheKey);
  if (hit) return result({ proof: hit.proof, issuer: issuerFor(hit.proof, binding) }, true);
  let proofCheck;
  try {
    proofCheck = await verifyOneProof(doc, proof, suite, key);
  } catch (error) {
    const reason = error instanceof TooComplexError ? TOO_COMPLEX : reasonFor(error);
    proofCheck = unknown("proof", reason, { method: suite, keyId: key.keyId, error: errorDetail(error) });
  }
  const outcome: ProofOutcome = { proof: proofCheck, issuer: issuerFor(proofCheck, binding) };
  if (isCacheable(outcome)) cache?.set(cacheKey, outcome);
  return result(outcome);
}

function idOfVm(proof: Json): string {
  return isRecord(proof.verificationMethod) ? (str(proof.verificationMethod.id) ?? "") : "";
}

function keyFailure(error: unknown, suite: SuiteName): ProofOutcome {
  const problem = (error as { problem?: string }).problem;
  if (problem === "not-listed") {
    return {
      proof: unknown("proof", "The signing key is not published by the issuer, so the signature cannot be checked.", {
        method: suite,
        error: errorDetail(error),
      }),
      issuer: failed("issuer", "The issuer does not list the signing key as its own."),
    };
  }
  return {
    proof: unknown("proof", reasonFor(error), { method: suite, error: errorDetail(error) }),
    issuer: unconfirmedIssuer(),
  };
}
