/**
 * VC-JWT in both shapes Tessera must accept (docs/formats/vc.md#vc-jwt):
 * - "vc-claim": VC 1.1 style, the credential under a `vc` claim, `typ: JWT`;
 * - "vc-jose": VC 2.0 / VC-JOSE-COSE, the payload *is* the credential, `typ: vc+jwt`, with the
 *   OB 3.0 registered claims (iss, sub, jti, nbf, exp) alongside unless `registeredClaims: false`.
 * `kid` is the signer's key id (a DID URL, or a JWKS kid for issuers without a DID); `iss` its issuer.
 */
import { SignJWT } from "jose";
import type { JwtSigner } from "./keys";
import { buildOpenBadgeCredential, type Ob3Options } from "./ob3";

export type JwtStyle = "vc-claim" | "vc-jose";

export interface VcJwtOptions {
  style?: JwtStyle;
  registeredClaims?: boolean;
  /** Override the JOSE `typ` (e.g. to produce a wrongly-typed negative case). */
  typ?: string;
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

function subjectId(credential: Record<string, unknown>): string | undefined {
  const subject = credential.credentialSubject as Record<string, unknown> | undefined;
  return typeof subject?.id === "string" ? subject.id : undefined;
}

/** Signs an unsigned credential (no `proof`) as a compact VC-JWT. */
export async function signVcJwt(
  credential: Record<string, unknown>,
  signer: JwtSigner,
  options: VcJwtOptions = {},
): Promise<string> {
  const style = options.style ?? "vc-jose";
  const vc = { ...credential };
  delete vc.proof;
  const validFrom = String(vc.validFrom ?? vc.issuanceDate);
  const validUntil = (vc.validUntil ?? vc.expirationDate) as string | undefined;
  const claims: Record<string, unknown> = style === "vc-claim" ? { vc } : { ...vc };
  const jwt = new SignJWT(claims).setProtectedHeader({
    ...signer.header,
    alg: signer.alg,
    ...(signer.verificationMethod ? { kid: signer.verificationMethod } : {}),
    typ: options.typ ?? (style === "vc-claim" ? "JWT" : "vc+jwt"),
  });
  if (style === "vc-claim" || options.registeredClaims !== false) {
    jwt.setIssuer(signer.did).setNotBefore(seconds(validFrom));
    if (typeof vc.id === "string") jwt.setJti(vc.id);
    const sub = subjectId(vc);
    if (sub) jwt.setSubject(sub);
    if (validUntil) jwt.setExpirationTime(seconds(validUntil));
  }
  return jwt.sign(signer.privateKey);
}

/** OB 3.0 OpenBadgeCredential as VC-JWT, signed by any JwtSigner (did:key, did:web, or a JOSE issuer without a DID). */
export async function issueOpenBadgeJwt(signer: JwtSigner, options: Ob3Options & VcJwtOptions = {}): Promise<string> {
  const style = options.style ?? "vc-jose";
  const credential = buildOpenBadgeCredential(signer.did, {
    ...options,
    vcVersion: options.vcVersion ?? (style === "vc-claim" ? 1 : 2),
  });
  return signVcJwt(credential, signer, options);
}
