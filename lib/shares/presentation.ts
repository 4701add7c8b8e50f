/**
 * The whole share as one W3C Verifiable Presentation (VC Data Model 2.0 §4.13), each credential
 * in its original signed form: JSON-LD credentials exactly as stored (their Data Integrity proofs
 * intact), JWT-secured ones as EnvelopedVerifiableCredential `data:` URLs (VC-JOSE-COSE §3.1.1).
 *
 * What it does NOT carry, on purpose:
 * - no `holder` and no proof of its own yet: holder-proof.ts adds both when the presentation is
 *   downloaded (the holder's wallet DID, a challenge for that download, the share's URL as domain);
 *   each credential's own proof still verifies on its own;
 * - credentials that are not W3C VCs (Open Badges 2.0 assertions, EDCI XML), credentials whose
 *   signed form has no standard envelope here (JAdES-sealed EDC, SD-JWT), and self-reported
 *   certificates: their original files are offered one by one on the page;
 * - any credential whose signed form names personal data the share does not show (see
 *   personal-data.ts);
 * - nothing of the holder's own: notes, tags, evidence files, profile.
 */

export type StoredSigned =
  { kind: "compact-jws"; token: string } | { kind: "jades"; jws: unknown } | { kind: "sd-jwt"; token: string };

export type SignedForm =
  | { kind: "json-ld"; credential: Record<string, unknown> }
  | { kind: "jwt"; token: string }
  | { kind: "none"; reason: string };

export interface SignableCredential {
  format: string;
  securing: string;
  selfReported: boolean;
  payload: unknown;
  signed: StoredSigned | null;
}

const VC_FORMATS = new Set(["ob3", "clr2", "vc", "edc"]);

/** Whether a presentation can carry this credential at all (signedFormOf says why not, and checks its payload). */
export function presentable(record: { format: string; securing: string; selfReported: boolean }): boolean {
  return (
    !record.selfReported && VC_FORMATS.has(record.format) && !["xades", "jades", "sd-jwt"].includes(record.securing)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The form of a credential a presentation can carry, or why there is none. */
export function signedFormOf(credential: SignableCredential): SignedForm {
  if (credential.selfReported || credential.format === "self-reported")
    return { kind: "none", reason: "A self-reported certificate has no signed credential to include." };
  if (credential.format === "ob2")
    return {
      kind: "none",
      reason: "Open Badges 2.0 badges are not W3C Verifiable Credentials; download the original file instead.",
    };
  if (!VC_FORMATS.has(credential.format))
    return {
      kind: "none",
      reason: "This credential is not a W3C Verifiable Credential; download the original file instead.",
    };
  if (credential.securing === "xades")
    return {
      kind: "none",
      reason: "EDCI XML credentials are not W3C Verifiable Credentials; download the original file instead.",
    };
  const signed = credential.signed;
  if (signed?.kind === "jades")
    return {
      kind: "none",
      reason:
        "A JAdES-sealed European Digital Credential has no standard place in a presentation; download the original file instead.",
    };
  if (signed?.kind === "sd-jwt")
    return {
      kind: "none",
      reason: "A selectively disclosable credential (SD-JWT) is left out; download the original file instead.",
    };
  if (signed?.kind === "compact-jws") return { kind: "jwt", token: signed.token };
  if (isPlainObject(credential.payload) && "@context" in credential.payload)
    return { kind: "json-ld", credential: credential.payload };
  return { kind: "none", reason: "Tessera does not hold this credential in a form a presentation can carry." };
}

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

/** VC-JOSE-COSE: a JWT-secured credential inside a presentation is a `data:` URL with its media type. */
export function envelopedCredential(token: string): Record<string, unknown> {
  return { "@context": VC_V2_CONTEXT, id: `data:application/vc+jwt,${token}`, type: "EnvelopedVerifiableCredential" };
}

export interface PresentationItem {
  id: string;
  title: string;
  form: SignedForm;
}

export interface BuiltPresentation {
  presentation: { "@context": string[]; type: string[]; verifiableCredential: Record<string, unknown>[] };
  included: string[];
  excluded: Array<{ id: string; title: string; reason: string }>;
}

export function buildPresentation(items: PresentationItem[]): BuiltPresentation {
  const verifiableCredential: Record<string, unknown>[] = [];
  const included: string[] = [];
  const excluded: BuiltPresentation["excluded"] = [];
  for (const item of items) {
    if (item.form.kind === "none") {
      excluded.push({ id: item.id, title: item.title, reason: item.form.reason });
      continue;
    }
    verifiableCredential.push(
      item.form.kind === "json-ld" ? item.form.credential : envelopedCredential(item.form.token),
    );
    included.push(item.id);
  }
  return {
    presentation: { "@context": [VC_V2_CONTEXT], type: ["VerifiablePresentation"], verifiableCredential },
    included,
    excluded,
  };
}
