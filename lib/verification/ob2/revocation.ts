/**
 * OB 2.0 revocation: the issuer's RevocationList (`revokedAssertions`: ids as strings or objects
 * with `id`/`uid`) — also used for 1EdTech's VCRL (`revokedCredentials`). No list published →
 * the check is not applicable (omitted), never "not revoked" by default.
 */
import { failed, passed, unknown } from "../checks";
import { asArray, isRecord, str, type Json } from "../json";
import { errorDetail } from "../reasons";
import type { Check, VerifyDeps } from "../types";
import { fetchJson } from "./documents";

export function revokedEntry(list: Json, ids: ReadonlyArray<string>): Json | string | undefined {
  const entries = [...asArray(list.revokedAssertions), ...asArray(list.revokedCredentials)];
  return entries.find((entry) => {
    const values = typeof entry === "string" ? [entry] : isRecord(entry) ? [str(entry.id), str(entry.uid)] : [];
    return values.some((v) => v !== undefined && ids.includes(v));
  }) as Json | string | undefined;
}

export function hasRevocationArray(list: Json): boolean {
  return Array.isArray(list.revokedAssertions) || Array.isArray(list.revokedCredentials);
}

export async function checkRevocationList(
  url: string,
  ids: ReadonlyArray<string>,
  deps: VerifyDeps,
  expectedIssuer?: string,
): Promise<Check> {
  const details = { revocationListUrl: url, checkedAt: deps.now().toISOString() };
  let list: Json;
  try {
    list = await fetchJson(url, deps);
  } catch (error) {
    return unknown(
      "status",
      "The issuer's revocation list could not be reached, so Tessera cannot tell whether the credential was revoked.",
      { ...details, error: errorDetail(error) },
    );
  }
  if (!hasRevocationArray(list))
    return unknown("status", "The issuer's revocation list is malformed, so revocation could not be checked.", details);
  const listIssuer = str(list.issuer) ?? (isRecord(list.issuer) ? str(list.issuer.id) : undefined);
  if (expectedIssuer && listIssuer && listIssuer !== expectedIssuer) {
    return unknown(
      "status",
      "The revocation list belongs to a different issuer, so revocation could not be checked.",
      details,
    );
  }
  const entry = revokedEntry(list, ids);
  if (entry !== undefined) {
    const reason = isRecord(entry) ? str(entry.revocationReason) : undefined;
    return failed("status", "The issuer has revoked this credential.", { ...details, revocationReason: reason });
  }
  return passed("status", "The issuer's revocation list does not include this credential.", details);
}
