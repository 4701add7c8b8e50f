/**
 * The status check. Absent status information → no check at all (not applicable): reporting
 * "passed" would claim a revocation check that never happened, and "unknown" would mark every
 * credential from an issuer without revocation as doubtful. See ADR 0010.
 */
import { unknown } from "../checks";
import { asArray, isRecord, records, str, type Json } from "../json";
import { checkRevocationList } from "../ob2/revocation";
import type { Check, VerifyDeps } from "../types";
import { checkStatusListEntry, isStatusListEntry } from "./status-list";
import { checkTokenStatusList, tokenStatusReference } from "./token-status-list";

const RANK = { failed: 0, unknown: 1, passed: 2 } as const;

/**
 * `credentialStatus` entries, plus the EDC vendor convention of a top-level `status` array
 * (docs/formats/status-lists.md#edc-status-array).
 */
function statusEntries(credential: Json): Json[] {
  const vendor = records(credential.status).filter(isStatusListEntry);
  return [...records(credential.credentialStatus), ...vendor];
}

async function checkEntry(
  entry: Json,
  credential: Json,
  issuerId: string | undefined,
  deps: VerifyDeps,
): Promise<Check> {
  if (isStatusListEntry(entry)) return checkStatusListEntry(entry, issuerId, deps);
  if (entry.type === "1EdTechRevocationList" && str(entry.id)) {
    const ids = [str(credential.id)].filter((v): v is string => !!v);
    if (ids.length === 0)
      return unknown("status", "The credential has no id, so the issuer's revocation list cannot be searched for it.");
    return checkRevocationList(String(entry.id), ids, deps, issuerId);
  }
  const type = asArray(entry.type).map(String).join(", ") || "unnamed";
  return unknown("status", `The credential uses a revocation method Tessera cannot check yet (${type}).`, {
    statusType: type,
  });
}

/** True when the credential says anything about its status (even something unreadable). */
export function publishesStatus(credential: Json): boolean {
  return (
    statusEntries(credential).length > 0 ||
    credential.credentialStatus !== undefined ||
    tokenStatusReference(credential) !== undefined
  );
}

/** Undefined when the credential publishes no status; otherwise the most severe entry result. */
export async function statusCheck(
  credential: Json,
  issuerId: string | undefined,
  deps: VerifyDeps,
): Promise<Check | undefined> {
  // SD-JWT VC: `status.status_list` (docs/formats/status-lists.md#token-status-list).
  const token = tokenStatusReference(credential);
  if (token) return checkTokenStatusList(token, issuerId, deps);
  const entries = statusEntries(credential);
  if (entries.length === 0) {
    // A credentialStatus that is present but unreadable is a promise we cannot check, not an absence.
    const raw = credential.credentialStatus;
    return raw !== undefined && raw !== null
      ? unknown("status", "The credential's status entry is malformed, so revocation could not be checked.")
      : undefined;
  }
  const results = await Promise.all(
    entries.filter(isRecord).map((entry) => checkEntry(entry, credential, issuerId, deps)),
  );
  return results.sort((a, b) => RANK[a.status] - RANK[b.status])[0];
}
