import { isRecord, type Json } from "./json";
import { vcVersion } from "./vc-common";

const iso = (seconds: unknown) =>
  typeof seconds === "number" && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;

/**
 * The credential inside a VC-JWT. VC 1.1 style (`vc` claim): the registered claims stand for
 * credential properties (VC Data Model 1.1 §6.3.1): iss → issuer (or issuer.id), nbf →
 * issuanceDate (validFrom in a 2.0 credential), exp → expirationDate (validUntil), jti → id,
 * sub → credentialSubject.id. They only fill what the credential leaves out; when both are present
 * the verifier checks that they agree. VC-JOSE (2.0) style: the payload is the credential as is.
 */
export function credentialFromJwt(payload: Json): Json {
  if (!isRecord(payload.vc)) return payload;
  const vc: Json = { ...payload.vc };
  const v2 = vcVersion(vc) === "2.0";
  const { iss, nbf, exp, jti, sub } = payload;
  if (typeof iss === "string") {
    if (vc.issuer === undefined) vc.issuer = iss;
    else if (isRecord(vc.issuer) && vc.issuer.id === undefined) vc.issuer = { ...vc.issuer, id: iss };
  }
  const from = iso(nbf);
  if (from && vc[v2 ? "validFrom" : "issuanceDate"] === undefined) vc[v2 ? "validFrom" : "issuanceDate"] = from;
  const until = iso(exp);
  if (until && vc[v2 ? "validUntil" : "expirationDate"] === undefined) vc[v2 ? "validUntil" : "expirationDate"] = until;
  if (typeof jti === "string" && vc.id === undefined) vc.id = jti;
  if (typeof sub === "string") {
    if (vc.credentialSubject === undefined) vc.credentialSubject = { id: sub };
    else if (isRecord(vc.credentialSubject) && vc.credentialSubject.id === undefined)
      vc.credentialSubject = { ...vc.credentialSubject, id: sub };
  }
  return vc;
}

/** The presentation inside a VP-JWT (`vp` claim); iss is the holder. */
export function presentationFromJwt(payload: Json): Json | undefined {
  if (!isRecord(payload.vp)) return undefined;
  const vp: Json = { ...payload.vp };
  if (vp.holder === undefined && typeof payload.iss === "string") vp.holder = payload.iss;
  return vp;
}
