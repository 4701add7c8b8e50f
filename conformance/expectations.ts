import type { CredentialFormat, CredentialKind } from "@/lib/credentials/record";
import type { ReadmeRow } from "./readme-table";

/**
 * What the import pipeline must do with each README row, derived from the README's own words
 * (format, status, notes) by the explicit rules below. Every rule says why; per-file overrides
 * exist only where the keyword rules would be wrong, and each one carries its reason.
 */

export type KindRule = { exactly: CredentialKind } | { atLeast: CredentialKind };

export type Expectation =
  /** A supporting file (context, key, DID document, status list, mock hosted document): not run. */
  | { expect: "skip"; why: string }
  /** Must import, as this record.format; kind checked when the README implies one. */
  | { expect: "import"; format: CredentialFormat; kind?: KindRule; why: string }
  /** Must be refused with a reason (parse-level INVALID, or not an award at all). */
  | { expect: "refuse"; why: string; mustNotSay?: RegExp }
  /** Verification-level INVALID: refused with a reason, or imported (as `format`) for verification to fail. */
  | { expect: "either"; format?: CredentialFormat; why: string };

/** README format column → record.format. First match wins; order matters ("OB3" before "OB"). */
const FORMATS: [RegExp, CredentialFormat][] = [
  [/^CLR 2\.0/, "clr2"],
  [/^OB ?3\b/, "ob3"],
  [/^(?:OB ?2\b|OB 1\.0|OB 0\.5|OB baked)/, "ob2"],
  [/^(?:EDC|ELM|EDCI)\b/, "edc"],
  [/^(?:VCDM 2\.0|VC VerifiableCredential)/, "vc"],
];

export function expectedFormat(row: ReadmeRow): CredentialFormat | undefined {
  return FORMATS.find(([pattern]) => pattern.test(row.format))?.[1];
}

/** Supporting files by README status or format: they are inputs to verification, not awards. */
const SUPPORT_STATUS =
  /^(?:mock hosted document|context|test vector|test key|DID document|valid \(status list\)|INVALID list\b|INVALID \(used as a bad target\))/;
const SUPPORT_FORMAT =
  /^(?:OB2 hosted document|BitstringStatusListCredential|JSON-LD context|RDFC-1\.0|Ed25519 key pair|DID document)/;

/** OB 2.0 / 1.0 documents that describe a badge or issuer but award nothing (README format column). */
const DEFINITION_FORMAT = /^(?:OB2 BadgeClass|OB2 Issuer|OB 1\.0 BadgeClass|OB 1\.0 Issuer|OB2 node\b)/;

/** Statuses that mean "this is a credential a holder could have": it must import. */
const IMPORTABLE_STATUS = /^(?:valid\b|unsigned\b|REVOKED\b|fails JSON-LD safe mode\b|one valid proof\b)/;

/** The shared note on every W3C VCDM 2.0 test-suite row; it is about the suite, not the row's defect. */
const W3C_INPUT_NOTE =
  /;?\s*W3C VCDM 2\.0 test-suite issuance input \(no issuer\/proof: the implementation under test adds them\)/;

/**
 * INVALID rows: parse-level (Tessera cannot tell what the input is, or it lacks what any record
 * needs) must be refused; verification-level (the input reads fine but a check fails) may import.
 * Matched against "status | notes" (W3C boilerplate removed); first match wins, so the
 * verification rules for dates come before the "malformed" parse rule, and revocation before
 * signature ("signature is good … but revoked").
 */
const INVALID_RULES: [RegExp, "parse" | "verification", string][] = [
  [/not well-formed JSON|not valid JSON|empty CDATA/i, "parse", "the embedded or given JSON cannot be read"],
  [
    /not a PNG|INVALID \(no badge\)|no openbadges iTXt|no <openbadges:assertion>/i,
    "parse",
    "no credential inside the container",
  ],
  [/INVALID \(malformed\)|no payload and no signature/i, "parse", "not a well-formed token"],
  [/property missing|\bno issuer\b|\bno credentialSubject\b/i, "parse", "a field every record needs is missing"],
  [/\btype is not\b|NotAKnownClass|empty type array|UNKNOWN\]/i, "parse", "the top-level type is not an award"],
  [/given as a string/i, "parse", "the presentation holds no credential object"],
  [/revoked|revocation/i, "verification", "revocation"],
  [/expire|in the future|\bdate\b|validFrom|validUntil/i, "verification", "validity dates"],
  [/signature|proofValue|tampered/i, "verification", "signature"],
  [/verificationMethod|\bkid\b|unresolvable DID|no key/i, "verification", "key resolution"],
  [/startsWith|origin/i, "verification", "issuer origin check"],
  [/schema|SHACL|XSD|unknown .*type|without type|not a URL/i, "verification", "schema / data-model conformance"],
  [/context|safe mode|protected term/i, "verification", "JSON-LD processing"],
  [/no proof/i, "verification", "missing proof (verification reports it)"],
];

/** Per-file decisions the keyword rules would get wrong. Keys are paths under the fixtures folder. */
export const OVERRIDES: Record<string, Expectation> = {
  // OB 2.0 names its format by @context (docs/formats/detection.md#json-routing); an unknown OB context means
  // Tessera cannot tell what this is. OB 2.0 verification never does JSON-LD, so this is parse-level.
  "ob2/invalid/basic-assertion-invalid-context.json": { expect: "refuse", why: "parse: unknown Open Badges @context" },
  // "data: URI not allowed on an Assertion" is a validator rule on one field; the assertion reads fine.
  "ob2/invalid/assertion-with-data-image.json": {
    expect: "either",
    format: "ob2",
    why: "verification: field rule (assertion image is a data: URI)",
  },
  // Kept explicit: "unparseable" sounds parse-level, but only issuedOn (2015-04-31) is wrong; the
  // rest is a readable OB 1.0 assertion and the date is reported by verification.
  "ob2/invalid/1_0_basic_instance_with_bad_date.json": {
    expect: "either",
    format: "ob2",
    why: "verification: impossible issuedOn date",
  },
  // The README's reason is about the linked issuer, but the input itself is a BadgeClass: not an award.
  "ob2/invalid/rdf-validation/badge-class-invalid-issuer-type.json": {
    expect: "refuse",
    why: "parse: a BadgeClass, not an award",
  },
  // Notes say "JSON Schema error", but without an issuer there is nothing to show or verify against.
  "ob3/invalid/simple-err-issuer.json": { expect: "refuse", why: "parse: no issuer" },
  // Notes mention safe mode, but the top-level type decides the format: not an OB 3.0 type → unreadable.
  "ob3/invalid/simple-err-type.json": {
    expect: "refuse",
    why: "parse: type lacks OpenBadgeCredential/AchievementCredential",
  },
  // README format: "JAdES … over a small VP" / "the document sealed in the two files above". The
  // sealed VP's verifiableCredential is [] (checked by hand; the README does not say "empty"):
  // a presentation is only a wrapper and this one wraps nothing, so there is nothing to import.
  "edc/jades/json_sealed_advanced.json": { expect: "refuse", why: "not an award: seal over an empty presentation" },
  "edc/jades/json_to_seal-signed-jades-baseline-lta.json": {
    expect: "refuse",
    why: "not an award: seal over an empty presentation",
  },
  "edc/jades/json_to_seal.json": { expect: "refuse", why: "not an award: empty presentation" },
};

export function classifyInvalid(row: ReadmeRow): { level: "parse" | "verification"; why: string } | undefined {
  const text = `${row.status} | ${row.notes.replace(W3C_INPUT_NOTE, "")}`;
  const hit = INVALID_RULES.find(([pattern]) => pattern.test(text));
  return hit ? { level: hit[1], why: hit[2] } : undefined;
}

/**
 * Kind only where the README's words imply one. A CLR is several achievements (ADR 0009 rule 2);
 * "achievementType MicroCredential" is the issuer's own word (rule 1); a sample the README calls a
 * micro-credential must not shrink to a badge. "regular (non micro) badge" is an issuer profile
 * name, not a size, so it implies nothing.
 */
export function expectedKind(row: ReadmeRow, format: CredentialFormat): KindRule | undefined {
  const words = `${row.format} | ${row.notes}`;
  if (format === "clr2") return { exactly: "nano-degree" };
  if (/achievementType MicroCredential/.test(words)) return { exactly: "micro-credential" };
  if (/micro-credential/i.test(words) && !/non micro/i.test(words)) return { atLeast: "micro-credential" };
  return undefined;
}

/** A row no rule covers: the suite fails it, so a new README row gets a reviewed rule. */
export type RowExpectation = Expectation | { expect: "unclassified"; why: string };

export function expectationFor(row: ReadmeRow): RowExpectation {
  const override = OVERRIDES[row.file];
  if (override) return override;
  if (SUPPORT_STATUS.test(row.status) || SUPPORT_FORMAT.test(row.format))
    return { expect: "skip", why: "not an award (supporting file)" };
  const format = expectedFormat(row);
  if (/^INVALID\b/.test(row.status)) {
    const level = classifyInvalid(row);
    if (!level) return { expect: "unclassified", why: "INVALID row matches no rule in INVALID_RULES" };
    return level.level === "parse"
      ? { expect: "refuse", why: `parse: ${level.why}` }
      : { expect: "either", format, why: `verification: ${level.why}` };
  }
  if (DEFINITION_FORMAT.test(row.format))
    return { expect: "refuse", why: "not an award: OB badge/issuer/node document" };
  // The README notes say these test-suite inputs have no issuer (the suite adds one); presentations
  // carry complete credentials inside, so they are awards.
  if (W3C_INPUT_NOTE.test(row.notes) && !/Presentation|EnvelopedVerifiableCredential/.test(row.notes)) {
    return { expect: "refuse", why: "not an award: test-suite input without an issuer" };
  }
  // "valid baking, stub payload": the baked JSON is only {"verify":{"url":…}} (README notes), so
  // there is nothing to import; but extraction must work, so the refusal must not say "no badge".
  if (/stub payload/.test(row.status))
    return { expect: "refuse", why: "stub payload: extraction only", mustNotSay: /no badge/i };
  if (IMPORTABLE_STATUS.test(row.status)) {
    if (!format) return { expect: "unclassified", why: `no record.format for README format "${row.format}"` };
    const kind = expectedKind(row, format);
    return { expect: "import", format, ...(kind ? { kind } : {}), why: "importable per README status" };
  }
  return { expect: "unclassified", why: `README status "${row.status}" matches no rule` };
}
