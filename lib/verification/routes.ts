/**
 * One route per securing mechanism. Each returns the proof and issuer checks plus the content the
 * signature actually covers (the token's payload, the hosted copy, the sealed text) — every
 * later check reads that verified content, never the interpreter's copy.
 */
import { unknown } from "./checks";
import { isRecord, vcIssuer, type Json } from "./json";
import { verifyOb2Hosted } from "./ob2/hosted";
import { verifyOb2Signed } from "./ob2/signed";
import { unconfirmedIssuer } from "./proofs/binding";
import { verifyDataIntegrity } from "./proofs/data-integrity";
import { verifyJades } from "./proofs/jades";
import { verifySdJwt } from "./proofs/sd-jwt";
import { verifyVcJwt } from "./proofs/vc-jwt";
import { ob2RecipientIds, sdJwtRecipientIds, vcRecipientIds, type RecipientId } from "./recipient";
import type { Check, VerifyDeps, VerifyInput } from "./types";
import { jwtDateFacts, mergeFacts, ob2DateFacts, vcDateFacts, type DateFacts } from "./validity";

export interface RouteResult {
  proof: Check;
  issuer: Check;
  fromCache: boolean;
  /** The verified content's family decides how dates, status and recipient are read. */
  family: "vc" | "ob2";
  content: Json;
  issuerId?: string;
  dates: DateFacts;
  recipients: RecipientId[];
  /** OB 2.0 routes decide status themselves (hosted 410, revocationList); undefined = not applicable. */
  status?: Check;
  /** Set when the route already reported registry membership (EDC seal thumbprints). */
  registryChecked?: boolean;
}

const asJson = (value: unknown): Json => (isRecord(value) ? value : {});

function vcRoute(proof: Check, issuer: Check, fromCache: boolean, credential: Json, claims?: Json): RouteResult {
  const dates = claims ? mergeFacts(vcDateFacts(credential), jwtDateFacts(claims)) : vcDateFacts(credential);
  return {
    proof,
    issuer,
    fromCache,
    family: "vc",
    content: credential,
    issuerId: vcIssuer(credential).id ?? (claims?.iss as string | undefined),
    dates,
    recipients: vcRecipientIds(credential, claims),
  };
}

function ob2Route(
  proof: Check,
  issuer: Check,
  fromCache: boolean,
  assertion: Json,
  status: Check | undefined,
  issuerId?: string,
): RouteResult {
  return {
    proof,
    issuer,
    fromCache,
    family: "ob2",
    content: assertion,
    issuerId,
    dates: ob2DateFacts(assertion),
    recipients: ob2RecipientIds(assertion),
    status,
  };
}

/** Unsigned or unsupported: nothing proves the content, which is still read for dates and recipient. */
function unchecked(
  input: VerifyInput,
  reason: string,
  issuerReason = "Nothing proves who issued this credential.",
): RouteResult {
  const payload = asJson(input.payload);
  const proof = unknown("proof", reason);
  const issuer = unconfirmedIssuer(issuerReason);
  return input.record.format === "ob2"
    ? ob2Route(proof, issuer, false, payload, undefined)
    : vcRoute(proof, issuer, false, payload);
}

export async function route(input: VerifyInput, deps: VerifyDeps): Promise<RouteResult> {
  const { securing, format } = input.record;
  const signed = input.signed;
  if (format === "self-reported" || securing === "none")
    return unchecked(input, "This credential has no digital signature to check.");
  if (securing === "xades")
    return unchecked(input, "This credential is sealed with an XML signature (XAdES), which Tessera cannot check yet.");
  if (signed?.kind === "sd-jwt") {
    // SD-JWT VC, or a W3C credential secured as SD-JWT: the disclosed claims are the verified content.
    const r = await verifySdJwt(signed.token, deps);
    const content = r.credential ?? asJson(input.payload);
    const result = vcRoute(r.outcome.proof, r.outcome.issuer, false, content, r.claims);
    return r.claims && content === r.claims ? { ...result, recipients: sdJwtRecipientIds(r.claims) } : result;
  }
  switch (securing) {
    case "data-integrity": {
      const payload = asJson(input.payload);
      const { outcome, fromCache } = await verifyDataIntegrity(payload, deps);
      return vcRoute(outcome.proof, outcome.issuer, fromCache, payload);
    }
    case "sd-jwt":
      return unchecked(input, "The selectively disclosable token is missing, so the signature cannot be checked.");
    case "vc-jwt": {
      if (signed?.kind !== "compact-jws")
        return unchecked(input, "The signed token is missing, so the signature cannot be checked.");
      const jwt = await verifyVcJwt(signed.token, deps);
      return vcRoute(
        jwt.outcome.proof,
        jwt.outcome.issuer,
        jwt.fromCache,
        jwt.credential ?? asJson(input.payload),
        jwt.claims,
      );
    }
    case "jws": {
      if (signed?.kind !== "compact-jws")
        return unchecked(input, "The signed badge is missing, so the signature cannot be checked.");
      const r = await verifyOb2Signed(signed.token, deps);
      return ob2Route(r.proof, r.issuer, r.fromCache, r.assertion ?? asJson(input.payload), r.status, r.ctx?.issuerId);
    }
    case "hosted": {
      const r = await verifyOb2Hosted(asJson(input.payload), deps);
      return ob2Route(r.proof, r.issuer, false, r.assertion ?? asJson(input.payload), r.status, r.ctx?.issuerId);
    }
    case "jades": {
      if (signed?.kind !== "jades") return unchecked(input, "The seal is missing, so it cannot be checked.");
      const r = await verifyJades(signed.jws, deps);
      return {
        ...vcRoute(r.outcome.proof, r.outcome.issuer, r.fromCache, r.credential ?? asJson(input.payload)),
        registryChecked: true,
      };
    }
  }
}
