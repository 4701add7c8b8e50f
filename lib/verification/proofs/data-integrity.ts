/**
 * Embedded proofs: DataIntegrityProof (eddsa-rdfc-2022, ecdsa-rdfc-2019 P-256) and
 * Ed25519Signature2020, alone or as a proof set or chain (every proof is verified). Same verify
 * data as the reference stack — SHA-256(RDFC-1.0(proof options with the document's @context)) ‖
 * SHA-256(RDFC-1.0(document without proof)) — computed on the fast JSON-LD path and checked with
 * node:crypto directly (no purposes machinery). Agreement with @digitalbazaar/vc on every
 * test-issuer credential and tamper is pinned by a differential test.
 */
import { unknown } from "../checks";
import { contextProblemReason, scanDocument, vcVersionOf } from "../canon/context-allowlist";
import { LIMITS } from "../limits";
import { asArray, types, vcIssuer, type Json } from "../json";
import { sha256Hex } from "../proof-cache";
import { TOO_COMPLEX } from "../reasons";
import type { ProofOutcome, VerifyDeps } from "../types";
import { unconfirmedIssuer } from "./binding";
import { verifyProofSet } from "./proof-set";
import { proofSetCheck, proofSetIssuerCheck } from "./set-report";

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
  // Every entry counts: a stray non-object next to a valid proof is a malformed proof, not nothing.
  const proofs = asArray(doc.proof);
  if (proofs.length === 0) return notCheckable("This credential has no digital signature to check.");
  if (proofs.length > LIMITS.maxProofs) return notCheckable(TOO_COMPLEX, { signatures: String(proofs.length) });
  const issuer = vcIssuer(doc);
  const digest = pre.json === undefined ? undefined : sha256Hex(pre.json);
  const { reports, chain } = await verifyProofSet(doc, proofs, issuer.id, digest, deps);
  const checked = reports.filter((r) => r.key);
  return result(
    { proof: proofSetCheck(reports, chain, issuer.id), issuer: proofSetIssuerCheck(reports, issuer) },
    checked.length > 0 && checked.every((r) => r.fromCache),
  );
}
