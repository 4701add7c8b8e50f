/**
 * What one embedded proof claims to be, decided before any key is fetched or any byte canonicalized:
 * a suite Tessera checks (eddsa-rdfc-2022, ecdsa-rdfc-2019, Ed25519Signature2020), a suite it does
 * not implement (named, so the reason is honest: "unknown"), or a proof that is malformed for a suite
 * Tessera does implement ("failed", with what is wrong). The field rules are the W3C Data Integrity
 * ones (proof type, cryptosuite, proofPurpose, verificationMethod, created/expires, previousProof).
 */
import { readIsoDate } from "../dates";
import { isRecord, str, type Json } from "../json";

export type SuiteName = "eddsa-rdfc-2022" | "ecdsa-rdfc-2019" | "Ed25519Signature2020";

export type ProofClass =
  | { kind: "supported"; suite: SuiteName; verificationMethod: string; untimedCreated?: boolean }
  | { kind: "unsupported"; name: string; recognised: boolean }
  | { kind: "malformed"; suite: string; clause: string };

export const ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";

/** Cryptosuites of DataIntegrityProof that exist but Tessera does not implement (W3C VC specifications registry). */
export const UNIMPLEMENTED_CRYPTOSUITES: ReadonlySet<string> = new Set([
  "ecdsa-sd-2023",
  "bbs-2023",
  "eddsa-jcs-2022",
  "ecdsa-jcs-2019",
  "eddsa-2022", // the draft name of eddsa-rdfc-2022, signed with a different transformation
  "ecdsa-2019", // the draft name of ecdsa-rdfc-2019
  "mldsa44-rdfc-2024",
  "mldsa44-jcs-2024",
  "slhdsa128-rdfc-2024",
  "slhdsa128-jcs-2024",
]);

/** Proof types of their own (not DataIntegrityProof) that exist but Tessera does not implement. */
export const UNIMPLEMENTED_PROOF_TYPES: ReadonlySet<string> = new Set([
  "Ed25519Signature2018",
  "JsonWebSignature2020",
  "EcdsaSecp256k1Signature2019",
  "EcdsaSecp256r1Signature2019",
  "RsaSignature2018",
  "BbsBlsSignature2020",
  "BbsBlsSignatureProof2020",
]);

const IMPLEMENTED_CRYPTOSUITES: ReadonlySet<string> = new Set(["eddsa-rdfc-2022", "ecdsa-rdfc-2019"]);

function includesContext(context: unknown, url: string): boolean {
  return context === url || (Array.isArray(context) && context.includes(url));
}

// XML Schema dateTime (the W3C Data Integrity / VC data model expression), anchored; the time zone is optional.
const DATE_TIME =
  /^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|(24:00:00(\.0+)?))(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:\d{2})$/;

function dateProblem(proof: Json, field: "created" | "expires"): string | undefined {
  const value = proof[field];
  if (value === undefined) return undefined;
  // The XML Schema form, and a real moment (not 2026-02-30): a time without offset is read as UTC.
  if (typeof value === "string" && DATE_TIME.test(value) && readIsoDate(value)) return undefined;
  return `has ${field === "created" ? "a creation" : "an expiry"} date that is not a date (${field}: ${JSON.stringify(value)?.slice(0, 60)})`;
}

function verificationMethodOf(proof: Json): string | undefined {
  return (
    str(proof.verificationMethod) ?? (isRecord(proof.verificationMethod) ? str(proof.verificationMethod.id) : undefined)
  );
}

function previousProofProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const refs = Array.isArray(value) ? value : [value];
  if (refs.length === 0 || refs.some((r) => typeof r !== "string" || r.trim() === ""))
    return "names the signatures it countersigns in a way that is not allowed (previousProof must be signature ids)";
  return undefined;
}

/** The suite a proof claims, or why it is unsupported or malformed. */
function suiteClaim(proof: Json, doc: Json): ProofClass | { kind: "claims"; suite: SuiteName } {
  const type = proof.type;
  const cryptosuite = proof.cryptosuite;
  if (typeof type !== "string" || type === "")
    return { kind: "malformed", suite: "unnamed", clause: "does not say what kind of signature it is (no type)" };
  if (type === "DataIntegrityProof") {
    if (typeof cryptosuite !== "string" || cryptosuite === "")
      return {
        kind: "malformed",
        suite: type,
        clause: "is a DataIntegrityProof that does not name its cryptosuite, so it cannot be checked against anything",
      };
    if (IMPLEMENTED_CRYPTOSUITES.has(cryptosuite)) return { kind: "claims", suite: cryptosuite as SuiteName };
    if (UNIMPLEMENTED_CRYPTOSUITES.has(cryptosuite))
      return { kind: "unsupported", name: cryptosuite, recognised: true };
    if (type === cryptosuite || UNIMPLEMENTED_PROOF_TYPES.has(cryptosuite) || cryptosuite === "Ed25519Signature2020")
      return pairProblem(type, cryptosuite);
    return { kind: "unsupported", name: cryptosuite, recognised: false };
  }
  if (type === "Ed25519Signature2020") {
    // This suite has no cryptosuite property; one that names any is a combination that does not exist.
    if (cryptosuite !== undefined) return pairProblem(type, cryptosuite);
    // Without the suite's context its terms are undefined, and the proof cannot mean anything.
    if (!includesContext(doc["@context"], ED25519_2020_CONTEXT))
      return {
        kind: "malformed",
        suite: type,
        clause: `is an Ed25519Signature2020, but the credential does not include that signature's vocabulary (${ED25519_2020_CONTEXT})`,
      };
    return { kind: "claims", suite: "Ed25519Signature2020" };
  }
  // A cryptosuite name used as the proof type ("type": "eddsa-rdfc-2022") is a combination that does not exist.
  if (IMPLEMENTED_CRYPTOSUITES.has(type) || UNIMPLEMENTED_CRYPTOSUITES.has(type)) return pairProblem(type, cryptosuite);
  return { kind: "unsupported", name: type, recognised: UNIMPLEMENTED_PROOF_TYPES.has(type) };
}

function pairProblem(type: string, cryptosuite: unknown): ProofClass {
  const pair =
    cryptosuite === undefined
      ? `type ${type} without a cryptosuite`
      : `type ${type} with cryptosuite ${String(cryptosuite)}`;
  return {
    kind: "malformed",
    suite: typeof cryptosuite === "string" ? cryptosuite : type,
    clause: `names a combination of signature type and cryptosuite that does not exist (${pair})`,
  };
}

/** What a proof must have been made for: an issuer's signature, or a holder presenting credentials. */
export type ProofPurpose = "assertionMethod" | "authentication";

const PURPOSE_WORDS: Record<ProofPurpose, { who: string; what: string }> = {
  assertionMethod: { who: "an issuer's signature", what: "issuing credentials" },
  authentication: { who: "the holder's signature", what: "presenting credentials" },
};

/** Classifies one proof of the document `doc` (VC Data Integrity §4 "Verify Proof", steps before the cryptosuite). */
export function classifyProof(proof: Json, doc: Json, expected: ProofPurpose = "assertionMethod"): ProofClass {
  const claim = suiteClaim(proof, doc);
  if (claim.kind !== "claims") return claim;
  const suite = claim.suite;
  const malformed = (clause: string): ProofClass => ({ kind: "malformed", suite, clause });
  const purpose = proof.proofPurpose;
  const words = PURPOSE_WORDS[expected];
  if (purpose === undefined || purpose === null || purpose === "")
    return malformed(`does not state what it was made for (no proofPurpose), so it cannot count as ${words.who}`);
  if (purpose !== expected)
    return malformed(
      `was made for ${JSON.stringify(purpose).slice(0, 60)}, not for ${words.what} (proofPurpose must be ${expected})`,
    );
  const verificationMethod = verificationMethodOf(proof);
  if (!verificationMethod) return malformed("does not say which key made it (no verificationMethod)");
  const problem =
    dateProblem(proof, "created") ?? dateProblem(proof, "expires") ?? previousProofProblem(proof.previousProof);
  if (problem) return malformed(problem);
  const created = str(proof.created);
  return {
    kind: "supported",
    suite,
    verificationMethod,
    untimedCreated: created !== undefined && !HAS_ZONE.test(created),
  };
}

/** The proof's own name for itself, for reports: the cryptosuite, else the type. */
export function suiteLabel(proof: Json): string {
  return str(proof.cryptosuite) ?? str(proof.type) ?? "unnamed";
}
