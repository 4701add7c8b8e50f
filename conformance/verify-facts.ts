import type { InterpretedCredential } from "@/lib/credentials/formats";
import type { CheckId } from "@/lib/verification";

/** The parts of an imported credential the facts read (structural, so tests can build one). */
export type FactInput = {
  record: Pick<InterpretedCredential["record"], "securing"> & { issuer: { id?: string } };
  payload: unknown;
};

/**
 * What Tessera cannot check about one imported credential, read from the credential itself (not
 * from the README). Each limitation is documented engine behaviour (ADR 0010 unless said
 * otherwise), so where one applies the README's "valid" or "REVOKED" cannot show in the verdict:
 * the check it names stays unknown. Facts, not guesses: the fixtures' own fields decide.
 */
export interface Limitation {
  check: CheckId;
  why: string;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const idOf = (v: unknown): string | undefined =>
  typeof v === "string" ? v : isJson(v) && typeof v.id === "string" ? v.id : undefined;

function decodeJson(bytes: Uint8Array | undefined): Json | undefined {
  try {
    const value: unknown = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
    return isJson(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Data Integrity keys named only by an https/urn URL (the 1EdTech "key in the fragment" form) or not a URI at all. */
function keyNotFromDid(payload: Json): boolean {
  const methods = list(payload.proof)
    .filter(isJson)
    .map((p) => p.verificationMethod)
    .filter((m): m is string => typeof m === "string");
  return methods.length > 0 && methods.every((m) => !m.startsWith("did:"));
}

/** Status lists in the offline bundle signed by someone other than the credential's issuer. */
function foreignStatusLists(payload: Json, documents: ReadonlyMap<string, Uint8Array>): string[] {
  const issuer = idOf(payload.issuer);
  return list(payload.credentialStatus)
    .filter(isJson)
    .map((entry) => entry.statusListCredential)
    .filter((url): url is string => typeof url === "string")
    .flatMap((url) => {
      const listIssuer = idOf(decodeJson(documents.get(url))?.issuer);
      return listIssuer && listIssuer !== issuer ? [`${url} is signed by ${listIssuer}`] : [];
    });
}

export function limitationsOf(item: FactInput, documents: ReadonlyMap<string, Uint8Array>): Limitation[] {
  const { securing } = item.record;
  const payload = isJson(item.payload) ? item.payload : {};
  const out: Limitation[] = [];
  if (securing === "none") out.push({ check: "proof", why: "no signature to check" });
  if (securing === "xades") out.push({ check: "proof", why: "XAdES (EDCI XML) is not supported" });
  // ob2/hosted.ts refetches only an https `id`; OB 1.0 has only verify.url, and these are http://.
  if (securing === "hosted" && !String(payload.id ?? "").startsWith("https://"))
    out.push({ check: "proof", why: "OB hosted badge without an https id to refetch" });
  if (securing === "data-integrity" && keyNotFromDid(payload))
    out.push({
      check: "proof",
      why: "key not published through a DID (1EdTech key-in-fragment / URL controller: unsupported)",
    });
  // A non-DID VC-JWT issuer's key comes from its JWT VC issuer metadata or a kid URL under its address
  // (keys/jose-issuer-keys.ts); the README's bundle serves neither, and a header jwk is never trusted.
  if (securing === "vc-jwt" && !item.record.issuer.id?.startsWith("did:"))
    out.push({
      check: "proof",
      why: "VC-JWT from a non-DID issuer whose published keys are not in the offline bundle (a header jwk is never trusted)",
    });
  // The seal is checked, the EU trusted lists are not; no registry entry pins these certificates.
  if (securing === "jades")
    out.push({ check: "issuer", why: "JAdES seal certificate not checked against the EU trusted lists" });
  for (const foreign of foreignStatusLists(payload, documents))
    out.push({ check: "status", why: `status list not from the credential's issuer (${foreign})` });
  return out;
}

/**
 * The README's "Known test keys" give one recipient: `sha256$…` = SHA-256 of "email" + "salt".
 * A credential carrying that hash is handed to verification with that holder; others get none
 * (recipient check omitted), because the README names no other recipient.
 */
export function knownRecipient(readme: string): { hash: string; email: string } | undefined {
  const match = /`(sha256\$[0-9a-f]{64})`\s*=\s*SHA-256 of `"([^"]+)"\s*\+\s*"[^"]*"`/.exec(readme);
  return match ? { hash: match[1]!, email: match[2]! } : undefined;
}
