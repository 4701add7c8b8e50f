/**
 * Is this credential about the holder? Compares what the (verified) credential says about its
 * recipient with the holder's verified emails and DIDs: OB 2.0 IdentityObjects (salted
 * `sha256$`/legacy `md5$` hashes, hex compared case-insensitively), OB 3.0 `credentialSubject.id`
 * and `identifier[]`, EDC contact emails, a VC-JWT `sub`, an SD-JWT VC's `sub`,
 * `cnf.kid` DID or signed `email`. A name alone proves nothing.
 */
import { createHash } from "node:crypto";
import { failed, passed, unknown } from "./checks";
import { asArray, idOf, isRecord, records, str, type Json } from "./json";
import type { Check, VerifyDeps } from "./types";

export type RecipientId =
  | { kind: "email"; value: string }
  | { kind: "email-hash"; alg: "sha256" | "md5"; hex: string; salt: string }
  | { kind: "did"; value: string };

const HASHED = /^(sha256|md5)\$([0-9a-f]+)$/i;

function emailId(identity: string, hashed: boolean, salt: unknown): RecipientId | undefined {
  const match = HASHED.exec(identity.trim());
  if (match)
    return {
      kind: "email-hash",
      alg: match[1]!.toLowerCase() as "sha256" | "md5",
      hex: match[2]!.toLowerCase(),
      salt: typeof salt === "string" ? salt : "",
    };
  if (hashed) return undefined; // claims to be hashed but is not a hash we know
  const value = identity.trim().replace(/^mailto:/i, "");
  return value.includes("@") ? { kind: "email", value } : undefined;
}

function subjectIdId(id: string | undefined): RecipientId | undefined {
  if (!id) return undefined;
  if (/^did:/i.test(id)) return { kind: "did", value: id };
  if (/^mailto:/i.test(id)) return { kind: "email", value: id.slice(7) };
  return undefined; // urn:uuid and https ids are usually random: not comparable with a holder
}

/** OB 2.0 (and 1.0/0.5) `recipient`. */
export function ob2RecipientIds(assertion: Json): RecipientId[] {
  const r = assertion.recipient;
  if (typeof r === "string") return [emailId(r, HASHED.test(r), assertion.salt)].filter((x): x is RecipientId => !!x);
  if (!isRecord(r) || !str(r.identity)) return [];
  if ((str(r.type) ?? "email").toLowerCase() !== "email") return [];
  const id = emailId(String(r.identity), r.hashed === true || r.hashed === "true", r.salt);
  return id ? [id] : [];
}

function emailsIn(value: unknown): string[] {
  return asArray(value)
    .flatMap((v) => (typeof v === "string" ? [v] : idOf(v) ? [idOf(v)!] : []))
    .filter((v) => /@/.test(v));
}

/** VC-family credentials: OB 3.0 / CLR / generic VC / EDC, plus a VC-JWT `sub`. */
export function vcRecipientIds(credential: Json, claims?: Json): RecipientId[] {
  const ids: Array<RecipientId | undefined> = [];
  for (const subject of records(credential.credentialSubject)) {
    ids.push(subjectIdId(str(subject.id)));
    for (const identity of records(subject.identifier)) {
      const type = (str(identity.identityType) ?? "").replace(/^ext:/i, "").toLowerCase();
      if (type === "emailaddress" && str(identity.identityHash))
        ids.push(
          emailId(String(identity.identityHash), identity.hashed === true || identity.hashed === "true", identity.salt),
        );
      if (type === "did" && str(identity.identityHash) && identity.hashed !== true)
        ids.push(subjectIdId(String(identity.identityHash)));
    }
    for (const contact of records(subject.contactPoint))
      for (const email of emailsIn(contact.emailAddress)) ids.push(emailId(email, false, undefined));
  }
  if (claims) ids.push(subjectIdId(str(claims.sub)));
  return ids.filter((x): x is RecipientId => !!x);
}

/**
 * SD-JWT VC (docs/formats/sd-jwt-vc.md#checks): `sub`, a holder key bound by reference (RFC 7800
 * `cnf.kid`) whose DID URL names the holder's DID, and an `email` claim the issuer signed.
 */
export function sdJwtRecipientIds(claims: Json): RecipientId[] {
  const cnf = isRecord(claims.cnf) ? claims.cnf : {};
  const email = str(claims.email);
  return [
    subjectIdId(str(claims.sub)),
    subjectIdId(str(cnf.kid)?.split("#")[0]),
    email ? emailId(email, false, undefined) : undefined,
  ].filter((x): x is RecipientId => !!x);
}

function hashMatches(id: Extract<RecipientId, { kind: "email-hash" }>, email: string): boolean {
  return (
    createHash(id.alg)
      .update(email + id.salt)
      .digest("hex") === id.hex
  );
}

export function recipientCheck(ids: RecipientId[], holder: VerifyDeps["holder"]): Check {
  if (!holder) return unknown("recipient", "No holder was given to compare the recipient with.");
  if (ids.length === 0)
    return unknown(
      "recipient",
      "The credential does not name its recipient in a way Tessera can check (for example, only by name).",
    );
  // Try each address as typed and lower-cased (backpacks historically differed on case).
  const emails = [...new Set(holder.emails.flatMap((e) => [e.trim(), e.trim().toLowerCase()]).filter(Boolean))];
  const dids = new Set(holder.dids.map((d) => d.trim()));
  const comparable = ids.filter((id) => (id.kind === "did" ? dids.size > 0 : emails.length > 0));
  const match = comparable.find((id) =>
    id.kind === "did"
      ? dids.has(id.value)
      : id.kind === "email"
        ? emails.some((e) => e.toLowerCase() === id.value.toLowerCase())
        : emails.some((e) => hashMatches(id, e)),
  );
  if (match) {
    const by = match.kind === "did" ? "DID" : match.kind === "email" ? "email address" : "email address (hashed)";
    return passed("recipient", `Issued to the holder: the credential's recipient ${by} matches.`, { matchedBy: by });
  }
  if (comparable.length > 0)
    return failed("recipient", "Issued to someone else: the recipient named in the credential is not the holder.");
  return unknown(
    "recipient",
    "The credential names its recipient in a way that cannot be compared with the holder's details.",
  );
}
