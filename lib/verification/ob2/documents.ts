/**
 * OB 2.0 linked documents (BadgeClass, Issuer, CryptographicKey, RevocationList), read fresh through
 * the guarded fetcher (which has its own TTL cache). The import-time copies in `linked` are not
 * trusted for verification: the issuer may have rotated a key or revoked the badge since.
 */
import type { VerifyDeps } from "../types";
import { idOf, isRecord, str, types, type Json } from "../json";

export class Ob2DocumentError extends Error {
  override readonly name = "Ob2DocumentError";
}

const ACCEPT = "application/ld+json, application/json";

export async function fetchJson(url: string, deps: VerifyDeps): Promise<Json> {
  const body = (await deps.fetch(url, { accept: ACCEPT })).json();
  if (!isRecord(body)) throw new Ob2DocumentError(`${url} is not a JSON object`);
  return body;
}

/** A property that is either an embedded object or the URL of one. */
async function linked(value: unknown, deps: VerifyDeps, what: string): Promise<{ doc: Json; url?: string }> {
  const url = str(value);
  if (url) return { doc: await fetchJson(url, deps), url };
  if (isRecord(value)) return { doc: value, url: str(value.id) };
  throw new Ob2DocumentError(`the ${what} is missing`);
}

export interface Ob2Context {
  badge: Json;
  badgeUrl?: string;
  issuer: Json;
  issuerId: string;
  issuerName?: string;
}

export async function ob2Context(assertion: Json, deps: VerifyDeps): Promise<Ob2Context> {
  const badge = await linked(assertion.badge, deps, "badge class");
  if (!types(badge.doc).includes("BadgeClass")) throw new Ob2DocumentError("the badge is not a BadgeClass");
  let issuer = await linked(badge.doc.issuer, deps, "issuer");
  // An embedded issuer profile is only a claim; the one at its own https address is authoritative.
  if (!str(badge.doc.issuer) && issuer.url?.startsWith("https://"))
    issuer = { doc: await fetchJson(issuer.url, deps), url: issuer.url };
  const issuerId = idOf(issuer.doc) ?? issuer.url;
  if (!issuerId || !types(issuer.doc).some((t) => t === "Issuer" || t === "Profile"))
    throw new Ob2DocumentError("the issuer profile is missing or malformed");
  // A fetched issuer document must be the one its URL names (no borrowed profiles).
  if (issuer.url && str(issuer.doc.id) && issuer.doc.id !== issuer.url)
    throw new Ob2DocumentError("the issuer profile's id does not match its address");
  return { badge: badge.doc, badgeUrl: badge.url, issuer: issuer.doc, issuerId, issuerName: str(issuer.doc.name) };
}

export function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
