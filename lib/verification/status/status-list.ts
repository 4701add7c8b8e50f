/**
 * BitstringStatusListEntry / StatusList2021Entry. The status list is itself a credential and must
 * verify before its bits mean anything: valid signature, signed by the credential's own issuer,
 * inside its validity period, the right type and purpose. Anything short of that is "unknown",
 * never "not revoked" (docs/formats/status-lists.md#bitstring-status-list, docs/threat-model.md E9).
 */
import { failed, passed, unknown } from "../checks";
import { isRecord, str, types, vcIssuer, type Json } from "../json";
import { TooComplexError } from "../limits";
import { verifyDataIntegrity } from "../proofs/data-integrity";
import { verifyVcJwt } from "../proofs/vc-jwt";
import { errorDetail } from "../reasons";
import type { Check, VerifyDeps } from "../types";
import { jwtDateFacts, mergeFacts, validityCheck, vcDateFacts } from "../validity";
import { BitstringError, bitAt, decodeEncodedList, parseStatusIndex } from "./bitstring";

const LIST_TYPES: Record<string, { credential: string; subject: string }> = {
  BitstringStatusListEntry: { credential: "BitstringStatusListCredential", subject: "BitstringStatusList" },
  StatusList2021Entry: { credential: "StatusList2021Credential", subject: "StatusList2021" },
};
const ACCEPT = "application/vc+ld+json, application/ld+json, application/json, application/vc+jwt, application/jwt";

type ListResult = { list: Json } | { problem: string };

/** Fetches and verifies the status list credential; returns it or the reason it cannot be used. */
async function loadVerifiedList(url: string, issuerId: string | undefined, deps: VerifyDeps): Promise<ListResult> {
  let text: string;
  try {
    text = (await deps.fetch(url, { accept: ACCEPT })).text().trim();
  } catch {
    return {
      problem:
        "The issuer's status list could not be reached, so Tessera cannot tell whether the credential was revoked.",
    };
  }
  let list: Json | undefined;
  let outcome;
  let dates = vcDateFacts({});
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(text)) {
    const jwt = await verifyVcJwt(text, { ...deps, holder: undefined });
    ({ outcome } = jwt);
    list = jwt.credential;
    if (jwt.claims) dates = jwtDateFacts(jwt.claims);
  } else {
    try {
      const parsed: unknown = JSON.parse(text);
      list = isRecord(parsed) ? parsed : undefined;
    } catch {
      list = undefined;
    }
    if (!list)
      return {
        problem: "The issuer's status list is not a credential Tessera can read, so revocation could not be checked.",
      };
    ({ outcome } = await verifyDataIntegrity(list, deps));
  }
  if (!list || outcome.proof.status !== "passed") {
    const tampered = outcome.proof.status === "failed";
    return {
      problem: `The issuer's status list ${tampered ? "has been tampered with (its signature does not match)" : "could not be verified"}, so revocation could not be checked.`,
    };
  }
  if (outcome.issuer.status !== "passed" || !issuerId || vcIssuer(list).id !== issuerId) {
    return {
      problem:
        "The status list was not published by the credential's issuer, so it cannot say whether the credential was revoked.",
    };
  }
  const validity = validityCheck(mergeFacts(vcDateFacts(list), dates), deps.now());
  if (validity.status !== "passed")
    return {
      problem: `The issuer's status list is out of date or not yet valid (${validity.reason.replace(/^The credential /, "it ")}), so revocation could not be checked.`,
    };
  return { list };
}

export async function checkStatusListEntry(
  entry: Json,
  issuerId: string | undefined,
  deps: VerifyDeps,
): Promise<Check> {
  const kind = LIST_TYPES[String(entry.type)]!;
  const url = str(entry.statusListCredential);
  const purpose = str(entry.statusPurpose) ?? "revocation";
  const index = parseStatusIndex(entry.statusListIndex);
  const details = {
    statusListUrl: url,
    statusListIndex: index === undefined ? undefined : String(index),
    statusPurpose: purpose,
    checkedAt: deps.now().toISOString(),
  };
  if (!url || index === undefined)
    return unknown(
      "status",
      "The credential's status entry is incomplete, so revocation could not be checked.",
      details,
    );
  if (purpose !== "revocation" && purpose !== "suspension")
    return unknown("status", `The credential uses a status purpose Tessera does not check (${purpose}).`, details);
  if (entry.statusSize !== undefined && Number(entry.statusSize) !== 1)
    return unknown("status", "The credential uses a multi-bit status entry Tessera does not check.", details);
  const loaded = await loadVerifiedList(url, issuerId, deps);
  if ("problem" in loaded) return unknown("status", loaded.problem, details);
  const subject = isRecord(loaded.list.credentialSubject) ? loaded.list.credentialSubject : {};
  const listPurposes = [subject.statusPurpose].flat();
  if (
    !types(loaded.list).includes(kind.credential) ||
    !types(subject).includes(kind.subject) ||
    !listPurposes.includes(purpose)
  ) {
    return unknown(
      "status",
      "The status list is of the wrong type or purpose, so revocation could not be checked.",
      details,
    );
  }
  let bit: boolean | undefined;
  try {
    bit = bitAt(decodeEncodedList(subject.encodedList), index);
  } catch (error) {
    const tooBig = error instanceof TooComplexError;
    if (!tooBig && !(error instanceof BitstringError)) throw error;
    const reason = tooBig
      ? "The issuer's status list is too large to check safely."
      : "The issuer's status list could not be decoded.";
    return unknown("status", `${reason} Revocation could not be checked.`, { ...details, error: errorDetail(error) });
  }
  if (bit === undefined)
    return unknown(
      "status",
      "The credential's position is outside the issuer's status list, so revocation could not be checked.",
      details,
    );
  if (bit)
    return failed(
      "status",
      purpose === "suspension"
        ? "The issuer has suspended this credential."
        : "The issuer has revoked this credential.",
      details,
    );
  return passed(
    "status",
    purpose === "suspension"
      ? "The issuer's status list shows this credential is not suspended."
      : "The issuer's status list shows this credential has not been revoked.",
    details,
  );
}

export function isStatusListEntry(entry: Json): boolean {
  return String(entry.type) in LIST_TYPES;
}
