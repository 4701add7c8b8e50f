import type { CheckId, CheckStatus, Verdict } from "@/lib/verification";
import type { ReadmeRow } from "./readme-table";
import type { Limitation } from "./verify-facts";

/**
 * The verdict each README row must get, derived in three steps, each with its reason:
 *   1. the README's words predict checks ("valid signature" → proof passed, "REVOKED" → status
 *      failed, "EXPIRED" → validity failed, an INVALID reason → the check it names);
 *   2. documented engine limitations found in the credential (verify-facts.ts) turn the checks
 *      Tessera cannot do into "unknown" — the README's claim is then simply not observable;
 *   3. per-file OVERRIDES below, each with its reason, where the README is silent or a Tessera
 *      policy (ADR 0010) decides differently from the upstream verifier.
 * The verdict follows from the predicted checks by ADR 0010's rule: any failed → not-verified,
 * else any unknown → unknown, else verified. Unpredicted checks are expected to pass or be absent.
 */

export type Prediction = Partial<Record<CheckId, CheckStatus>>;

export interface VerifyExpectation {
  verdict: Verdict;
  /** Checks asserted on the row's main credential (the file itself, or a presentation's first). */
  checks: Prediction;
  why: string[];
  /** Set only where Tessera knowingly disagrees with a README "INVALID": the reason is printed. */
  divergence?: string;
}

interface Override {
  checks?: Prediction;
  /** Forced verdict, for containers whose inner credentials decide it. */
  verdict?: Verdict;
  why: string;
  divergence?: string;
  /** A date the README does not mention: asserted to occur in the file, so the claim stays honest. */
  dateInFile?: string;
}

/** The clock: every README date statement holds, and no "valid" row is outside its window. */
export const FIXED_NOW = "2026-06-01T00:00:00Z";
// Why this date: after every EXPIRED date in the README rows (latest: DCC expirationDate
// 2025-01-09) and after the latest validFrom of a row the README calls valid (DCC
// legacy-noStatus-noExpiry-lcwExperience.json, validFrom 2026-01-23 — so 2026-01-15 would make it
// NOT YET VALID); before every NOT YET VALID date (2040, 2099, 2100, 3000) and the earliest expiry of
// a valid row (ob3/unsigned/mynextid-open-badge-microcredential.json, validUntil 2026-12-31).
// lib/verification's own tests use the same day.

const DID_KEY_NOT_ISSUER =
  "signed by a did:key the named issuer does not control (issuer is an https/urn id): ADR 0010 reports a key that belongs to someone else as issuer failed";
const README_SILENT_DATE =
  "the file's own validity window is over at the fixed clock; the README row does not mention it";

/** Per-file decisions. Keys are paths under the fixtures folder. */
export const OVERRIDES: Record<string, Override> = {
  // ── Features Tessera documents as not supported yet (ADR 0010 "Consequences"): never verified. ──
  "ob3/edge-cases/ecdsa-sd-2023-derived.json": {
    checks: { proof: "unknown" },
    why: "ecdsa-sd-2023 (selective disclosure) is not supported",
  },
  "vc2/w3c-di-eddsa/eddsa-jcs-2022-signed.json": {
    checks: { proof: "unknown" },
    why: "eddsa-jcs-2022 is not supported",
  },
  "ob3/edge-cases/simple-eddsa-2022.json": {
    checks: { proof: "unknown" },
    why: "the legacy cryptosuite name eddsa-2022 is not supported",
  },
  "edc/xml/credential-generic-profile-xsd-signed.xml": {
    checks: { proof: "unknown" },
    why: "XAdES (EDCI XML) is not supported",
  },
  "edc/xml/validXMLCredential.xml": { checks: { proof: "unknown" }, why: "XAdES (EDCI XML) is not supported" },
  // "one valid proof + one unknown": every proof of a set must verify (VC Data Integrity), and
  // "SomeProofType" is no suite Tessera implements, so the set cannot be fully checked.
  "ob3/edge-cases/simple-multiple-proofs.json": {
    checks: { proof: "unknown" },
    why: "proof set: the second proof's type SomeProofType is not implemented, and every proof must verify",
  },
  // Proof chains: every proof verifies — the chained one over the proofs its previousProof names —
  // but all are did:keys, not the https issuer's → not-verified.
  "vc2/w3c-di-eddsa/proof-chain-1.json": {
    checks: { proof: "passed", issuer: "failed" },
    why: `proof chain: ${DID_KEY_NOT_ISSUER}`,
  },
  "vc2/w3c-di-eddsa/proof-chain-2.json": {
    checks: { proof: "passed", issuer: "failed" },
    why: `proof chain: ${DID_KEY_NOT_ISSUER}`,
  },

  // ── Signature valid (README), but the signer is not the named issuer. ──
  "vc2/w3c-di-eddsa/ed25519signature2020-signed.json": { checks: { issuer: "failed" }, why: DID_KEY_NOT_ISSUER },
  "vc2/w3c-di-eddsa/eddsa-rdfc-2022-signed.json": { checks: { issuer: "failed" }, why: DID_KEY_NOT_ISSUER },
  "vc2/w3c-di-eddsa/proof-set-1.json": { checks: { issuer: "failed" }, why: DID_KEY_NOT_ISSUER },
  "vc2/w3c-di-eddsa/proof-set-2.json": { checks: { issuer: "failed" }, why: DID_KEY_NOT_ISSUER },
  // "needs lenient did:key": Tessera is lenient (a bare did:key means its only key), so the
  // signature passes; the issuer is urn:uuid:…, which cannot control that did:key.
  "ob3/edge-cases/simple-did-key-method.json": { checks: { issuer: "failed" }, why: DID_KEY_NOT_ISSUER },
  "clr2/complex.json": { checks: { issuer: "failed" }, why: `CLR and all 6 inner credentials: ${DID_KEY_NOT_ISSUER}` },
  "clr2/simple_v1.json": {
    verdict: "not-verified",
    why: `the CLR's own key is in a URL fragment (unknown), but inner credentials 2–6 are ${DID_KEY_NOT_ISSUER}`,
  },
  "edc/jsonld/edci-credential-signed.jsonld": {
    checks: { issuer: "failed", validity: "failed" },
    why: `seal organizationIdentifier VATES-B00000000 ≠ issuer eIDASIdentifier "eidasIdentifier123" (TEST data) → issuer failed; ${README_SILENT_DATE}`,
    dateInFile: "2024-09-25",
  },

  // ── Tessera policy on untrusted inputs (ADR 0010), where the upstream verifier is lenient. ──
  "vc2/w3c-di-eddsa/employment-authorization-signed.json": {
    checks: { proof: "unknown" },
    why: "context https://w3id.org/citizenship/v4rc1 is not in the bundled allowlist (ADR 0010 E6: unknown, not failed)",
  },
  "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json": {
    checks: { proof: "unknown" },
    why: "an inline @context object ({issuanceDate: …}) is refused before canonicalizing (ADR 0010 E6: unknown), so status is not looked up",
  },
  // The 1EdTech issuer files behind these rows all say id "http://example.org/issuer-with-allowed-origins"
  // but are served at …-<variant>.json; ob2/documents.ts refuses a profile naming another address.
  "ob2/hosted/basic-assertion-with-allowed-origins.json": {
    checks: { proof: "passed", issuer: "unknown" },
    why: "issuer profile id ≠ the URL it is served from",
  },
  "ob2/hosted/basic-assertion-with-allowed-origins-valid-starts-with.json": {
    checks: { proof: "passed", issuer: "unknown" },
    why: "issuer profile id ≠ the URL it is served from",
  },
  "ob2/hosted/basic-assertion-with-allowed-origins-valid-multiple-starts-with.json": {
    checks: { proof: "passed", issuer: "unknown" },
    why: "issuer profile id ≠ the URL it is served from",
  },
  "ob2/invalid/basic-assertion-with-allowed-origins-invalid-starts-with.json": {
    checks: { proof: "passed", issuer: "unknown" },
    why: "issuer profile id ≠ the URL it is served from, so the startsWith rule is never reached: unknown, not failed",
  },
  "ob2/invalid/basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json": {
    checks: { proof: "passed", issuer: "unknown" },
    why: "issuer profile id ≠ the URL it is served from, so the startsWith rule is never reached: unknown, not failed",
  },
  // "issuer id is not https": bad-issuer.json has id urn:uuid:…, not the URL it is served from.
  "ob2/hosted/warning-issuer-non-http.json": {
    checks: { proof: "passed", issuer: "unknown" },
    why: "issuer profile id (urn:uuid) ≠ the URL it is served from",
  },
  // "redirect warning" upstream; Tessera requires the BadgeClass on the issuer's origin, and
  // http://example.org (where the README serves altbadgeurl.json) is not https://example.org.
  "ob2/hosted/warning-with-redirection.json": {
    checks: { proof: "passed", issuer: "failed" },
    why: "BadgeClass URL http://example.org/… is not on the issuer's origin https://example.org",
  },

  // ── README-silent dates (the README row is about something else). ──
  "ob3/edge-cases/complete_v1.json": {
    checks: { validity: "failed" },
    why: `expirationDate 2020-01-01: ${README_SILENT_DATE}`,
    dateInFile: "2020-01-01",
  },
  "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/noRegistry-revokedStatus-noExpiry.json": {
    checks: { proof: "passed", validity: "failed" },
    why: `validUntil 2010-01-02 despite "noExpiry" in the name: ${README_SILENT_DATE}`,
    dateInFile: "2010-01-02",
  },
  "edc/invalid/cred_noLegalName_shouldFail.jsonld": {
    checks: { validity: "failed" },
    why: `unsigned; validUntil 2024-09-25: ${README_SILENT_DATE}`,
    dateInFile: "2024-09-25",
  },
  "edc/jsonld/elm-credential-sample.jsonld": {
    checks: { validity: "failed" },
    why: `unsigned; validUntil 2024-09-25: ${README_SILENT_DATE}`,
    dateInFile: "2024-09-25",
  },
  // Its notes list schema defects and an expired TEST certificate (certificate dates are not
  // checked: long-term validation is out of scope); the seal verifies and the credential expired.
  "edc/invalid/credential-jws-invalid.jsonld": {
    checks: { proof: "passed", validity: "failed" },
    why: `seal valid; validUntil 2024-09-25: ${README_SILENT_DATE}`,
    dateInFile: "2024-09-25",
  },

  // ── Knowing divergence from a README INVALID. ──
  "ob2/invalid/assertion-with-data-image.json": {
    checks: { proof: "passed", issuer: "passed", validity: "passed", status: "passed" },
    verdict: "verified",
    why: "hosted copy, issuer origin, dates, status and recipient all check out",
    divergence:
      "the defect is a 1EdTech field rule (data: image on an Assertion); Tessera's five checks (ADR 0010) do not validate the data model",
  },
};

/** README status parts that say nothing Tessera checks: warnings and schema/context remarks. */
const NO_EFFECT = /warning|schema|non-official context|needs lenient did:key/i;

/** The README status (split on ";") → predicted checks. undefined = a part no rule knows. */
function statusPrediction(status: string): Prediction | undefined {
  const p: Prediction = {};
  for (const part of status.split(";").map((s) => s.trim())) {
    if (/^(?:valid\b|one valid proof\b)/.test(part)) p.proof = "passed";
    else if (/^(?:unsigned\b|fails JSON-LD safe mode\b)/.test(part)) p.proof = "unknown";
    else if (/^REVOKED\b/.test(part)) p.status = "failed";
    else if (/^status: not revoked$/.test(part)) p.status = "passed";
    else if (/^status list\b/.test(part))
      p.status = "unknown"; // the list itself is bad: cannot decide
    else if (/^(?:EXPIRED|NOT YET VALID)\b/.test(part)) p.validity = "failed";
    else if (!NO_EFFECT.test(part)) return undefined;
  }
  return p;
}

/**
 * Verification-level INVALID reasons (status | notes) → the check they name. A definite fact
 * (tampered, revoked, expired, outside the issuer's origins) is failed; "cannot resolve / cannot
 * check" is unknown; a data-model rule predicts nothing (Tessera validates no schema), so such a
 * row is not-verified or unknown only through another check — and never verified (see judge).
 */
const INVALID_REASONS: [RegExp, Prediction][] = [
  [/tampered|invalid signature|proofValue altered|does not verify/i, { proof: "failed" }],
  [/revoked/i, { proof: "passed", status: "failed" }],
  [/unparseable .*date|malformed validFrom/i, { validity: "unknown" }],
  [/expir|in the future|before issuedOn/i, { validity: "failed" }],
  [/startsWith/i, { issuer: "failed" }],
  [
    /unresolvable DID|did:example|unknown URI scheme|not a URI|extra characters|neither kid nor jwk|did:velocity|no proof/i,
    { proof: "unknown" },
  ],
  [/context/i, { proof: "unknown" }],
  [/schema|SHACL|XSD|unknown .*type|data: URI|per upstream name/i, {}],
];

function readmePrediction(row: ReadmeRow): Prediction | undefined {
  if (/^INVALID\b/.test(row.status)) {
    const text = `${row.status} | ${row.notes}`;
    const hit = INVALID_REASONS.find(([pattern]) => pattern.test(text));
    return hit ? { ...hit[1] } : undefined;
  }
  const p = statusPrediction(row.status);
  // "signature and status need the network": this suite is offline, so neither can be checked.
  if (p && /needs? the network/i.test(row.notes)) p.proof = "unknown";
  return p;
}

/** ADR 0010: status is not looked up unless the proof passed; the issuer is unconfirmed then too. */
function normalize(p: Prediction): Prediction {
  if (p.proof === undefined || p.proof === "passed") return p;
  const out = { ...p };
  delete out.status;
  if (out.issuer !== "failed") delete out.issuer;
  return out;
}

export function verdictOf(p: Prediction): Verdict {
  const statuses = Object.values(p);
  return statuses.includes("failed") ? "not-verified" : statuses.includes("unknown") ? "unknown" : "verified";
}

export type RowVerifyExpectation = VerifyExpectation | { unclassified: string };

/** Expectation for a row whose main credential has these limitations (and is given `holder` or not). */
export function verifyExpectationFor(row: ReadmeRow, limitations: Limitation[], holder: boolean): RowVerifyExpectation {
  const readme = readmePrediction(row);
  if (!readme)
    return { unclassified: `README status "${row.status}" matches no verification rule in verify-expectations.ts` };
  const why = [`README: ${row.status}`];
  const p: Prediction = { ...readme };
  for (const l of limitations) {
    p[l.check] = "unknown";
    why.push(`Tessera: ${l.why}`);
  }
  if (holder) p.recipient = "passed";
  const override = OVERRIDES[row.file];
  if (override) {
    Object.assign(p, override.checks);
    why.push(`override: ${override.why}`);
  }
  const checks = normalize(p);
  return {
    verdict: override?.verdict ?? verdictOf(checks),
    checks,
    why,
    ...(override?.divergence ? { divergence: override.divergence } : {}),
  };
}

export const overrideDate = (file: string): string | undefined => OVERRIDES[file]?.dateInFile;
