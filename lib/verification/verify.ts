/**
 * verifyCredential: proof → issuer → validity → status → recipient, each reported on its own
 * (DCC verifier-core's model), then one verdict. Fails closed: any exception becomes "unknown"
 * with a readable reason; only a clear signature mismatch (or a clear fact: expired, revoked,
 * someone else's) is "failed".
 */
import { aggregateVerdict, unknown, withDetails } from "./checks";
import { unconfirmedIssuer } from "./proofs/binding";
import { errorDetail, reasonFor } from "./reasons";
import { recipientCheck } from "./recipient";
import { route, type RouteResult } from "./routes";
import { publishesStatus, statusCheck } from "./status";
import type { Check, VerificationResult, VerifyDeps, VerifyInput } from "./types";
import { validityCheck } from "./validity";

function registryDetails(issuer: Check, issuerId: string | undefined, deps: VerifyDeps): Check {
  if (!deps.knownIssuers) return issuer;
  const known = issuerId ? deps.knownIssuers.find((k) => k.id === issuerId) : undefined;
  return withDetails(
    issuer,
    known ? { registry: "known issuer", registryName: known.name } : { registry: "issuer not in registry" },
  );
}

/** Status is only looked up for content whose signature verified; otherwise its URLs are untrusted. */
async function status(r: RouteResult, deps: VerifyDeps): Promise<Check | undefined> {
  if (r.family === "ob2") return r.status;
  if (!publishesStatus(r.content)) return undefined;
  if (r.proof.status !== "passed")
    return unknown("status", "Revocation was not checked because the credential's signature could not be confirmed.");
  try {
    return await statusCheck(r.content, r.issuerId, deps);
  } catch (error) {
    return unknown("status", reasonFor(error, "the revocation status"), { error: errorDetail(error) });
  }
}

export async function verifyCredential(input: VerifyInput, deps: VerifyDeps): Promise<VerificationResult> {
  const checkedAt = deps.now().toISOString();
  let r: RouteResult;
  try {
    r = await route(input, deps);
  } catch (error) {
    const proof = unknown("proof", reasonFor(error), { error: errorDetail(error) });
    const checks = [
      proof,
      unconfirmedIssuer(),
      unknown("validity", "Not checked because the credential could not be read."),
    ];
    return { verdict: aggregateVerdict(checks), checks, checkedAt, proofFromCache: false };
  }
  const issuer = r.registryChecked ? r.issuer : registryDetails(r.issuer, r.issuerId, deps);
  let validity: Check;
  try {
    validity = validityCheck(r.dates, deps.now());
  } catch (error) {
    validity = unknown("validity", reasonFor(error, "the dates"), { error: errorDetail(error) });
  }
  const statusResult = await status(r, deps);
  // Without a holder to compare with (the public verifier, the CLI without --holder) the
  // recipient check does not apply, so it is left out rather than shown as "could not check".
  let recipient: Check | undefined;
  try {
    recipient = deps.holder ? recipientCheck(r.recipients, deps.holder) : undefined;
  } catch (error) {
    recipient = unknown("recipient", reasonFor(error, "the recipient"), { error: errorDetail(error) });
  }
  const checks = [
    r.proof,
    issuer,
    validity,
    ...(statusResult ? [statusResult] : []),
    ...(recipient ? [recipient] : []),
  ];
  return { verdict: aggregateVerdict(checks), checks, checkedAt, proofFromCache: r.fromCache };
}
