import type { RecipientIdentifier, RecipientIdentifierType } from "../record";
import { isRecord, own, records, str } from "./json";

const HASH = /^(sha256|md5)\$/i;

function hashedEmail(value: string, salt: string | undefined): RecipientIdentifier {
  // Only sha256$ is an "email-sha256"; md5$ (OB 1.x) is kept as an opaque hashed value.
  return { type: /^sha256\$/i.test(value) ? "email-sha256" : "other", value, hashed: true, ...(salt ? { salt } : {}) };
}

/** OB 2.0 IdentityObject, OB 1.0 recipient object, or the OB 0.5 bare string (+ top-level salt). */
export function ob2Recipient(recipient: unknown, legacySalt?: unknown): RecipientIdentifier[] {
  if (typeof recipient === "string") {
    const value = recipient.trim();
    if (HASH.test(value)) return [hashedEmail(value, str(legacySalt))];
    return value ? [{ type: value.includes("@") ? "email" : "other", value }] : [];
  }
  if (!isRecord(recipient)) return [];
  const identity = str(recipient.identity);
  if (!identity) return [];
  const kind = (str(recipient.type) ?? "email").toLowerCase();
  const hashed = recipient.hashed === true || recipient.hashed === "true" || HASH.test(identity);
  const salt = str(recipient.salt);
  if (hashed)
    return [
      kind === "email"
        ? hashedEmail(identity, salt)
        : { type: "other", value: identity, hashed: true, ...(salt ? { salt } : {}) },
    ];
  const type: RecipientIdentifierType = kind === "email" ? "email" : kind === "url" ? "url" : "other";
  return [{ type, value: identity.replace(/^mailto:/i, "") }];
}

/** credentialSubject.id (a DID, URL, urn:uuid, mailto:). */
export function subjectId(id: unknown): RecipientIdentifier | undefined {
  const value = str(id);
  if (!value) return undefined;
  if (/^did:/i.test(value)) return { type: "did", value };
  if (/^https?:\/\//i.test(value)) return { type: "url", value };
  if (/^urn:uuid:/i.test(value)) return { type: "uuid", value };
  if (/^mailto:/i.test(value)) return { type: "email", value: value.slice(7) };
  return { type: "other", value };
}

const OB3_TYPES: Record<string, RecipientIdentifierType> = {
  emailaddress: "email",
  name: "name",
  nationalidentitynumber: "national-id",
  studentid: "student-id",
  sourcedid: "student-id",
  sissourcedid: "student-id",
  institutionassignedid: "student-id",
  ltiuserid: "other",
  did: "did",
  url: "url",
};

/** OB 3.0 / CLR `identifier[]` IdentityObjects (a single object is accepted too). */
export function identityObjects(value: unknown): RecipientIdentifier[] {
  return records(value).flatMap((o): RecipientIdentifier[] => {
    const identity = str(o.identityHash);
    if (!identity) return [];
    const kind = (str(o.identityType) ?? "").replace(/^ext:/i, "").toLowerCase();
    const salt = str(o.salt);
    if (o.hashed === true || o.hashed === "true") {
      return [
        kind === "emailaddress"
          ? hashedEmail(identity, salt)
          : { type: "other", value: identity, hashed: true, ...(salt ? { salt } : {}) },
      ];
    }
    return [{ type: own(OB3_TYPES, kind) ?? "other", value: identity }];
  });
}
