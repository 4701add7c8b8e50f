/**
 * The holder's proof on a Verifiable Presentation (VC Data Model 2.0 §4.13, a Data Integrity proof
 * with proofPurpose `authentication`): is it a valid signature by a key its owner authorises for
 * authentication, is the signer the holder the presentation names, and is the signer the subject
 * of the credentials inside? Reported as one `holder` check next to each credential's own checks;
 * the credentials' verdicts do not depend on it, and it never claims more than the proof shows.
 *
 * Tessera cannot know which challenge the recipient asked for, so the challenge and domain are
 * reported for them to compare. A proof with no challenge at all can be replayed by anyone who has
 * a copy, so it is never "passed"; neither is a signer who is not the credentials' subject.
 */
import type { FetchLike } from "@/lib/net";
import { failed, passed, unknown } from "./checks";
import { contextProblemReason, scanDocument } from "./canon/context-allowlist";
import { readIsoDate } from "./dates";
import { asArray, idOf, isRecord, str, type Json } from "./json";
import { resolveVerificationMethod } from "./keys/did";
import type { ResolvedKey } from "./keys/resolved";
import { LIMITS, TooComplexError } from "./limits";
import { documentHash, MISMATCH_CLAUSE, verifyOneProof } from "./proofs/di-proof";
import { classifyProof } from "./proofs/di-suites";
import { errorDetail, reasonFor, TOO_COMPLEX } from "./reasons";
import { ob2RecipientIds, sdJwtRecipientIds, vcRecipientIds, type RecipientId } from "./recipient";
import type { Check, VerifyDeps, VerifyInput } from "./types";

const NOT_SIGNED =
  "The presentation is not signed by the person presenting it, so nothing shows who handed these credentials over.";

/** Who a contained credential names as its subject, read from the content the presentation's proof covers. */
export function subjectIdsOf(input: VerifyInput): RecipientId[] {
  const payload = isRecord(input.payload) ? input.payload : {};
  if (input.record.format === "ob2") return ob2RecipientIds(payload);
  if (input.signed?.kind === "sd-jwt") return sdJwtRecipientIds(payload);
  if (input.signed?.kind === "compact-jws") return vcRecipientIds(isRecord(payload.vc) ? payload.vc : payload, payload);
  return vcRecipientIds(payload);
}

type Facts = Record<string, string | undefined>;

function proofFacts(proof: Json, presentation: Json): Facts {
  return {
    holder: idOf(presentation.holder),
    challenge: str(proof.challenge),
    domain: asArray(proof.domain)
      .filter((d): d is string => typeof d === "string")
      .join(", "),
    created: str(proof.created),
  };
}

/** Why the signing key could not be used, in the presenter's terms (reasonFor speaks of issuers). */
async function holderKey(
  url: string,
  fetch: FetchLike,
): Promise<{ key: ResolvedKey } | { reason: string; error: string }> {
  try {
    return { key: await resolveVerificationMethod(url, fetch) };
  } catch (error) {
    return {
      reason: `The key that signed the presentation could not be found as it describes it (${url.slice(0, 120)}), so who presented it could not be checked.`,
      error: errorDetail(error),
    };
  }
}

/** The signer is the subject when every credential names the signer's DID among its recipients. */
function subjectCheck(signer: string, contained: VerifyInput[], facts: Facts): Check {
  const n = contained.length;
  if (n === 0)
    return unknown("holder", "The presentation is signed, but holds no credential it could be about.", facts);
  const others = contained
    .map(subjectIdsOf)
    .filter((ids) => !ids.some((id) => id.kind === "did" && id.value === signer));
  const details = { ...facts, signer, subjectOf: `${n - others.length} of ${n}` };
  if (others.length === 0)
    return passed(
      "holder",
      `Signed by the holder, ${signer}, who is the subject of ${n === 1 ? "the credential" : `all ${n} credentials`} in it. Check that the challenge and domain are the ones you asked for.`,
      details,
    );
  const kinds = new Set(
    others.map((ids) =>
      ids.some((id) => id.kind === "did")
        ? "another DID"
        : ids.length > 0
          ? "an email address"
          : "no one Tessera can compare",
    ),
  );
  const which = n === 1 ? "the credential is" : `${others.length} of the ${n} credentials are`;
  return unknown(
    "holder",
    `The presentation is validly signed by ${signer}, but ${which} issued to ${[...kinds].join(" or ")}, so the signature does not show that the presenter is ${n === 1 ? "its" : "their"} subject.`,
    details,
  );
}

/**
 * The `holder` check of a presentation. `contained` are the credentials inside, as interpreted;
 * `signedAsJwt` is a VP-JWT, whose holder signature is a JWS Tessera does not check here.
 */
export async function verifyHolderProof(
  presentation: Json,
  contained: VerifyInput[],
  deps: Pick<VerifyDeps, "fetch" | "now">,
  signedAsJwt = false,
): Promise<Check> {
  if (signedAsJwt)
    return unknown(
      "holder",
      "The presentation is wrapped in a JWT; Tessera checks holders' signatures made as Data Integrity proofs, so who presented it was not checked.",
    );
  const proofs = asArray(presentation.proof);
  if (proofs.length === 0) return unknown("holder", NOT_SIGNED, { holder: idOf(presentation.holder) });
  if (proofs.length > 1)
    return unknown(
      "holder",
      "The presentation carries several signatures; Tessera checks presentations signed once by their holder.",
    );
  const proof = proofs[0];
  if (!isRecord(proof)) return failed("holder", "The holder's signature is not a signature at all.");
  const facts = proofFacts(proof, presentation);
  const scan = scanDocument(presentation, LIMITS.maxDepth);
  if (scan.tooDeep || JSON.stringify(presentation).length > LIMITS.maxCredentialChars)
    return unknown("holder", TOO_COMPLEX, facts);
  if (scan.context) return unknown("holder", contextProblemReason(scan.context), facts);

  const found = classifyProof(proof, presentation, "authentication");
  if (found.kind === "unsupported")
    return unknown(
      "holder",
      `The presentation is signed with a method Tessera ${found.recognised ? "cannot check yet" : "does not recognise"} (${found.name}), so who presented it could not be checked.`,
      facts,
    );
  if (found.kind === "malformed") return failed("holder", `The holder's signature ${found.clause}.`, facts);
  const resolved = await holderKey(found.verificationMethod, deps.fetch);
  if (!("key" in resolved)) return unknown("holder", resolved.reason, { ...facts, error: resolved.error });
  const { key } = resolved;
  const signed = { ...facts, signer: key.controller, keyId: key.keyId };
  if (!key.authentication)
    return failed(
      "holder",
      "The presentation was signed with a key its owner has not authorised for authentication (not listed under authentication).",
      signed,
    );

  let outcome;
  try {
    const deadline = Date.now() + LIMITS.credentialCanonicalizeMs;
    outcome = await verifyOneProof(
      presentation,
      proof,
      found.suite,
      key,
      await documentHash(presentation, [], deadline),
      deadline,
    );
  } catch (error) {
    const reason = error instanceof TooComplexError ? TOO_COMPLEX : reasonFor(error, "the holder's signature");
    return unknown("holder", reason, { ...signed, error: errorDetail(error) });
  }
  if (outcome.status !== "passed")
    return check(
      outcome.status,
      outcome.clause === MISMATCH_CLAUSE
        ? "The holder's signature does not match: the presentation was changed after it was signed, or it was not signed with this key."
        : `The holder's signature ${outcome.clause}.`,
      signed,
    );

  if (facts.holder && facts.holder !== key.controller)
    return failed(
      "holder",
      `The presentation names ${facts.holder} as its holder, but it was signed by ${key.controller}.`,
      signed,
    );
  const expires = str(proof.expires) ? readIsoDate(String(proof.expires)) : undefined;
  if (expires && expires.date.getTime() < deps.now().getTime())
    return failed("holder", `The holder's signature expired on ${String(proof.expires)}.`, signed);
  if (!facts.challenge)
    return unknown(
      "holder",
      `The presentation is validly signed by ${key.controller}, but not for any particular request (no challenge), so it may be a copy passed on by someone else.`,
      signed,
    );
  return subjectCheck(key.controller, contained, signed);
}

function check(status: "failed" | "unknown", reason: string, details: Facts): Check {
  return status === "failed" ? failed("holder", reason, details) : unknown("holder", reason, details);
}
