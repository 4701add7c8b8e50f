import type { CredentialStatusRef, Evidence, ImageRef, SecuringMechanism } from "../record";
import type { PartyDraft } from "../normalize/draft";
import { NotACredentialError } from "./errors";
import { contextsOf, firstRecord, idOf, isRecord, isUri, list, records, str, text, typesOf, type Json } from "./json";
import type { Env } from "./types";

export const VC_V1 = "https://www.w3.org/2018/credentials/v1";
export const VC_V2 = "https://www.w3.org/ns/credentials/v2";

/** "2.0", "1.1", or undefined when neither W3C base context is present. */
export function vcVersion(value: Json): "1.1" | "2.0" | undefined {
  const contexts = contextsOf(value);
  return contexts.includes(VC_V2) ? "2.0" : contexts.includes(VC_V1) ? "1.1" : undefined;
}

/**
 * The structural rules every W3C credential must meet before Tessera reads it (VCDM 1.1/2.0):
 * a base context, an issuer that is a URI (or an object with a URI id), a non-empty subject, a
 * URI id if any, and a `type` on every status and schema entry (without one, revocation cannot be
 * checked). Signature, dates and JSON-LD term definitions are the verifier's business.
 */
export function requireVcStructure(value: Json, what: string): "1.1" | "2.0" {
  const version = vcVersion(value);
  if (!version) {
    throw new NotACredentialError(
      "unsupported_format",
      `This ${what} lacks the W3C Verifiable Credentials context, so Tessera cannot read it as one.`,
    );
  }
  const subjects = list(value.credentialSubject);
  if (subjects.length === 0 || subjects.every((s) => !isRecord(s) || Object.keys(s).length === 0)) {
    throw new NotACredentialError(
      "missing_required_field",
      `This ${what} does not say who or what it is about (it has no credential subject).`,
    );
  }
  if (value.id !== undefined && !isUri(value.id))
    throw new NotACredentialError(
      "invalid_field",
      `This ${what} has an identifier that is not a valid web address or URN.`,
    );
  for (const [field, label] of [
    ["credentialStatus", "status"],
    ["credentialSchema", "schema"],
  ] as const) {
    if (list(value[field]).some((entry) => !isRecord(entry) || typesOf(entry).length === 0)) {
      throw new NotACredentialError(
        "invalid_field",
        `This ${what} has a ${label} entry without a type, so Tessera cannot tell how to check it.`,
      );
    }
  }
  if (value.issuer === undefined || value.issuer === null)
    throw new NotACredentialError("missing_required_field", `This ${what} does not say who issued it.`);
  if (!isUri(idOf(value.issuer)))
    throw new NotACredentialError(
      "invalid_field",
      `This ${what} names its issuer without a valid web address or identifier.`,
    );
  return version;
}

/** OB 3.0 Profile / VC issuer / ELM-free Party fields. */
export function profileParty(value: unknown): PartyDraft {
  if (!isRecord(value)) return { id: str(value) };
  const address = firstRecord(value.address);
  const legal = records(value.otherIdentifier).find((o) => /eidas/i.test(str(o.identifierType) ?? ""));
  return {
    id: idOf(value),
    name: text(value.name),
    url: idOf(value.url),
    email: str(value.email),
    imageRef: idOf(value.image),
    country: str(address?.addressCountryCode) ?? text(address?.addressCountry),
    legalIdentifier: str(legal?.identifier),
  };
}

/** VC 1.1 `issuanceDate` is both the issue date and the start of validity; VC 2.0 only has `validFrom`. */
export function vcDates(value: Json) {
  return {
    issued: value.issuanceDate ?? value.issued,
    validFrom: value.validFrom ?? value.issuanceDate,
    validUntil: value.validUntil ?? value.expirationDate,
    awarded: value.awardedDate,
  };
}

export function statusRefs(...sources: unknown[]): CredentialStatusRef[] {
  return sources.flatMap(records).flatMap((s) => {
    const type = typesOf(s)[0];
    if (!type) return [];
    const index = s.statusListIndex;
    return [
      {
        type,
        id: str(s.id),
        statusListCredential: str(s.statusListCredential),
        statusListIndex: typeof index === "number" ? String(index) : str(index),
        statusPurpose: str(s.statusPurpose),
      },
    ];
  });
}

/** How the JSON is secured: the envelope it came in, else its embedded proof(s), else nothing. */
export function securingOf(value: Json, env: Env): { securing: SecuringMechanism; proofType?: string } {
  if (env.envelope) return { securing: env.envelope.securing, proofType: env.envelope.alg };
  const proofs = records(value.proof);
  if (proofs.length === 0) return { securing: "none" };
  const names = proofs.map(
    (p) => (str(p.type) === "DataIntegrityProof" ? str(p.cryptosuite) : undefined) ?? str(p.type) ?? "unknown proof",
  );
  return { securing: "data-integrity", proofType: [...new Set(names)].join(", ") };
}

export function evidenceList(value: unknown): Evidence[] {
  return list(value).flatMap((e): Evidence[] => {
    if (typeof e === "string") return [{ url: e }];
    if (!isRecord(e)) return [];
    const id = idOf(e);
    return [
      {
        name: text(e.name),
        description: text(e.description),
        narrative: text(e.narrative),
        url: id && !id.startsWith("_:") ? id : undefined,
      },
    ];
  });
}

/** Where the picture comes from: the baked file itself, else an embedded data: URI or a URL. */
export function imageOf(env: Env, ...candidates: unknown[]): ImageRef | undefined {
  if (env.container === "png") return { origin: "baked-file", mediaType: "image/png" };
  if (env.container === "svg") return { origin: "baked-file", mediaType: "image/svg+xml" };
  const ref = candidates.map(idOf).find((r) => r !== undefined);
  if (!ref) return undefined;
  const data = /^data:([\w.+-]+\/[\w.+-]+)?[;,]/i.exec(ref);
  if (data) return { origin: "embedded-data-uri", ...(data[1] ? { mediaType: data[1].toLowerCase() } : {}) };
  return /^https?:\/\//i.test(ref) ? { origin: "remote-url", url: ref } : undefined;
}
