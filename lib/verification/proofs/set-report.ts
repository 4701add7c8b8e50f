/**
 * The words for a credential's proofs: one signature check (every proof must pass; the one that
 * did not is named) and one issuer check (at least one valid proof must be the named issuer's, as
 * for a single proof). A single proof keeps the single-signature wording.
 */
import { check, failed, passed, withDetails } from "../checks";
import type { Check } from "../types";
import { bindingCheck, unconfirmedIssuer } from "./binding";
import { describeChain, type ProofChain } from "./proof-chain";
import type { ProofReport } from "./proof-set";

const VALID_SENTENCE =
  "The issuer's digital signature is valid: the credential has not been changed since it was signed.";
const EVERY_SIGNATURE = "A credential is verified only when every signature on it is valid.";

const sentence = (r: ProofReport) => r.reason ?? `The digital signature ${r.clause}.`;

function createdFacts(r: ProofReport): Record<string, string | undefined> {
  return { created: r.created, createdTimeZone: r.untimedCreated ? "none given; read as UTC" : undefined };
}

function singleProofCheck(r: ProofReport): Check {
  const details = { method: r.label, keyId: r.key?.keyId, error: r.error };
  if (r.status === "passed") return passed("proof", VALID_SENTENCE, { ...details, ...createdFacts(r) });
  return check("proof", r.status, sentence(r), details);
}

function signatureLine(r: ProofReport, issuerId: string | undefined): string {
  const head = r.status === "passed" ? "valid" : r.status === "failed" ? "NOT valid" : "not checked";
  const by = r.key
    ? ` by ${r.key.keyId} (${r.key.controller === issuerId ? "the named issuer's key" : "not the named issuer's key"})`
    : "";
  return `${head}: ${r.label}${by}${r.status === "passed" ? "" : ` — ${r.clause ?? r.reason}`}`;
}

/** The proof that best explains a failure: one that fails on its own before one that inherits it. */
function culprit(reports: ProofReport[], status: "failed" | "unknown"): ProofReport | undefined {
  const matching = reports.filter((r) => r.status === status);
  return matching.find((r) => !r.derived) ?? matching[0];
}

function multiProofCheck(reports: ProofReport[], chain: ProofChain, issuerId: string | undefined): Check {
  const n = reports.length;
  const chainText = describeChain(chain);
  const details: Record<string, string | undefined> = {
    signatures: String(n),
    method: [...new Set(reports.map((r) => r.label))].join(", "),
    keyId: (reports.find((r) => r.key?.controller === issuerId) ?? reports.find((r) => r.key))?.key?.keyId,
    chain: chainText,
  };
  for (const r of reports) details[`signature ${r.index + 1}`] = signatureLine(r, issuerId);
  const bad = culprit(reports, "failed") ?? culprit(reports, "unknown");
  if (!bad) {
    const chainSentence = chainText ? ` They form a chain: ${chainText}.` : "";
    return passed(
      "proof",
      `All ${n} digital signatures are valid: the credential has not been changed since they were signed.${chainSentence}`,
      details,
    );
  }
  const name = `Signature ${bad.index + 1} of ${n} (${bad.label})`;
  const what = bad.clause ? `${name} ${bad.clause}.` : `${name} could not be checked: ${bad.reason}`;
  return check("proof", bad.status, bad.status === "failed" ? `${what} ${EVERY_SIGNATURE}` : what, {
    ...details,
    error: bad.error,
  });
}

export function proofSetCheck(reports: ProofReport[], chain: ProofChain, issuerId: string | undefined): Check {
  const only = reports[0];
  return reports.length === 1 && only ? singleProofCheck(only) : multiProofCheck(reports, chain, issuerId);
}

/**
 * Issuer binding as for one proof: a valid proof by the issuer's authorised key → passed; the
 * issuer's key not authorised, or not listed → failed; every key resolved and none the issuer's →
 * failed (someone else signed); anything else → unconfirmed.
 */
export function proofSetIssuerCheck(reports: ProofReport[], issuer: { id?: string; name?: string }): Check {
  const multi = reports.length > 1;
  const byIssuer = reports.filter((r) => r.key && issuer.id && r.key.controller === issuer.id);
  const valid = byIssuer.filter((r) => r.status === "passed");
  const good = valid.find((r) => r.key!.assertion) ?? valid[0];
  if (good) {
    const binding = bindingCheck(good.key!, issuer);
    return multi ? withDetails(binding, { issuerSignature: `signature ${good.index + 1}` }) : binding;
  }
  if (reports.some((r) => r.keyProblem === "not-listed"))
    return failed("issuer", "The issuer does not list the signing key as its own.");
  const first = reports[0]?.key;
  if (issuer.id && byIssuer.length === 0 && first && reports.every((r) => r.key)) return bindingCheck(first, issuer);
  return unconfirmedIssuer();
}
