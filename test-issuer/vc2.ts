/**
 * A generic W3C VC 2.0 credential (not an Open Badge) and VerifiablePresentations wrapping
 * credentials, including a VC-JOSE `EnvelopedVerifiableCredential` (docs/formats/vc.md#presentations).
 */
import { resolveCommon, type CommonOptions } from "./defaults";
import type { TestIssuer } from "./keys";
import { VC_V2, signCredential, signPresentationAs, type SignedCredential } from "./sign";

export const CREDENTIALS_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";

export interface Vc2Options extends CommonOptions {
  /** Credential type after VerifiableCredential. */
  type?: string;
  /** Subject claims (terms resolve through the W3C examples context's @vocab). */
  claims?: Record<string, unknown>;
}

/** Unsigned generic VC 2.0 credential: a professional registration, health-sector flavoured. */
export function buildVc2Credential(issuerDid: string, options: Vc2Options = {}): Record<string, unknown> {
  const r = resolveCommon(options);
  return {
    "@context": [VC_V2, CREDENTIALS_EXAMPLES_V2],
    id: r.id,
    type: ["VerifiableCredential", options.type ?? "ProfessionalRegistrationCredential"],
    issuer: { id: issuerDid, name: r.issuer.name },
    name: "Nursing registration",
    validFrom: r.validFrom,
    ...(r.validUntil ? { validUntil: r.validUntil } : {}),
    credentialSubject: {
      ...(r.recipient.id ? { id: r.recipient.id } : {}),
      name: r.recipient.name,
      profession: "Registered General Nurse",
      registrationNumber: "RGN-204518",
      ...options.claims,
    },
    ...(r.status.length ? { credentialStatus: r.status.length === 1 ? r.status[0] : r.status } : {}),
  };
}

export async function issueVc2(issuer: TestIssuer, options: Vc2Options = {}): Promise<SignedCredential> {
  return signCredential(buildVc2Credential(issuer.did, options), issuer, { now: options.now });
}

/** `data:` URL form of an enveloped VC-JOSE credential (VC-JOSE-COSE §3.1.2; media type vc+jwt). */
export function envelope(jwt: string): Record<string, unknown> {
  return { "@context": VC_V2, id: `data:application/vc+jwt,${jwt}`, type: "EnvelopedVerifiableCredential" };
}

export interface PresentationOptions {
  credentials?: object[];
  /** Compact VC-JWTs, each wrapped as an EnvelopedVerifiableCredential. */
  jwts?: string[];
  id?: string;
  /** Sign the presentation as this holder (authentication proof); unsigned when omitted. */
  holder?: TestIssuer;
  challenge?: string;
  domain?: string;
}

export async function createPresentation(options: PresentationOptions): Promise<Record<string, unknown>> {
  const presentation = {
    "@context": [VC_V2],
    ...(options.id ? { id: options.id } : {}),
    type: ["VerifiablePresentation"],
    ...(options.holder ? { holder: options.holder.did } : {}),
    verifiableCredential: [...(options.credentials ?? []), ...(options.jwts ?? []).map(envelope)],
  };
  if (!options.holder) return presentation;
  return signPresentationAs(presentation, options.holder, {
    challenge: options.challenge ?? "tessera-test-challenge",
    domain: options.domain,
  });
}
