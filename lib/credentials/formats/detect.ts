import { NotACredentialError, quoteToken } from "./errors";
import { contextsOf, hasType, isRecord, own, typesOf, type Json } from "./json";

/** Which interpreter reads a JSON value (docs/formats/detection.md#json-routing). */
export type Route = "ob2" | "ob2-legacy" | "ob3" | "clr" | "vc" | "vp" | "edc" | "jws-json";

const OB2_CONTEXT = /^https?:\/\/(?:w3id\.org\/openbadges\/v[12]|openbadgespec\.org\/v[12]\/context\.json)\/?$/i;
const OB2_DEFINITIONS: Record<string, string> = {
  BadgeClass:
    "the description of a badge (a BadgeClass), not a badge awarded to someone. Import the badge assertion you received instead.",
  Issuer: "an issuer's profile, not a credential.",
  Profile: "an issuer's profile, not a credential.",
  Endorsement: "an endorsement of a badge or issuer, not a badge awarded to someone.",
  CryptographicKey: "an issuer's signing key, not a credential.",
  RevocationList: "an issuer's revocation list, not a credential.",
};

function definition(what: string): NotACredentialError {
  return new NotACredentialError("definition_not_award", `This is ${what}`);
}

export function routeJson(value: unknown): Route {
  if (!isRecord(value)) {
    throw new NotACredentialError(
      "not_a_credential",
      "This is not a credential Tessera recognises: a credential is a JSON object, and this is not one.",
    );
  }
  if ("payload" in value && ("signatures" in value || "signature" in value)) return "jws-json";
  if (value["@context"] !== undefined) return routeLinkedData(value);
  return routeLegacy(value);
}

// Status lists are VCs recording other credentials' revocation; they award nothing to anyone.
const STATUS_LIST_TYPES = [
  "BitstringStatusListCredential",
  "StatusList2021Credential",
  "RevocationList2020Credential",
] as const;

function routeLinkedData(value: Json): Route {
  const types = typesOf(value);
  if (hasType(value, "VerifiablePresentation")) return "vp";
  if (hasType(value, "ClrCredential")) return "clr";
  if (hasType(value, "EuropeanDigitalCredential")) return "edc";
  if (hasType(value, "OpenBadgeCredential", "AchievementCredential", "EndorsementCredential")) return "ob3";
  if (hasType(value, ...STATUS_LIST_TYPES))
    throw definition(
      "an issuer's status list (which credentials were revoked or suspended), not a credential awarded to someone.",
    );
  if (hasType(value, "VerifiableCredential")) return "vc";
  const ob2 = contextsOf(value).some((c) => OB2_CONTEXT.test(c));
  if (types.includes("Assertion")) {
    if (ob2) return "ob2";
    throw new NotACredentialError(
      "unsupported_format",
      "This looks like an Open Badge, but it uses an Open Badges context Tessera does not know, so it cannot be read safely.",
    );
  }
  const known = types.map((t) => own(OB2_DEFINITIONS, t)).find((d) => d !== undefined);
  if (known) throw definition(known);
  if (ob2)
    throw new NotACredentialError(
      "unsupported_format",
      `This Open Badges document is not a badge assertion (its type is ${quoteToken(types)}).`,
    );
  throw new NotACredentialError(
    "unsupported_format",
    `This JSON-LD document is not a credential type Tessera reads (its type is ${quoteToken(types)}).`,
  );
}

/** OB 1.0 / 0.5 have no @context: an assertion is recognised by its recipient plus badge/verify/uid. */
function routeLegacy(value: Json): Route {
  if (
    value.recipient !== undefined &&
    (value.badge !== undefined || value.verify !== undefined || value.uid !== undefined)
  )
    return "ob2-legacy";
  if (hasType(value, "VerifiableCredential", "VerifiablePresentation") || value.credentialSubject !== undefined) {
    throw new NotACredentialError(
      "unsupported_format",
      "This looks like a Verifiable Credential, but it has no @context, so Tessera cannot read it as one.",
    );
  }
  if (typeof value.name === "string" && value.criteria !== undefined && value.issuer !== undefined)
    throw definition(OB2_DEFINITIONS.BadgeClass!);
  if (
    typeof value.name === "string" &&
    (typeof value.url === "string" || typeof value.origin === "string") &&
    value.recipient === undefined
  ) {
    throw definition(OB2_DEFINITIONS.Issuer!);
  }
  throw new NotACredentialError(
    "not_a_credential",
    "This JSON is not a credential Tessera recognises: it has no @context or Open Badges fields.",
  );
}
