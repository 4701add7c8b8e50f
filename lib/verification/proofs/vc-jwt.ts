/**
 * VC-JWT / VC-JOSE (EdDSA, ES256, ES384, ES512, PS256, RS256). The key comes from a source the
 * issuer controls (keys/jose-issuer-keys.ts: its DID, a `kid` URL under its address, its JWT VC
 * issuer metadata, or an `x5c` certificate whose chain a trust list vouches for) — never from a key
 * the header carries. The
 * key's controller must be the issuer (`iss` and the credential's issuer must agree). Both the
 * `vc`-claim shape and the bare-credential shape pass.
 */
import { failed, passed, unknown } from "../checks";
import { isRecord, str, vcIssuer, type Json } from "../json";
import { resolveJoseIssuerKeys } from "../keys/jose-issuer-keys";
import type { ResolvedKey } from "../keys/resolved";
import { KeyAlgorithmMismatchError, verifySignature, type SignatureAlg } from "../keys/signature";
import { isCacheable, proofCacheKey, sha256Hex } from "../proof-cache";
import { errorDetail } from "../reasons";
import type { Check, ProofOutcome, VerifyDeps } from "../types";
import { bindingCheck, issuerFor, unconfirmedIssuer } from "./binding";
import { JOSE_ALGS, allowedAlg, disallowedAlgReason, ignoredKeyHints, parseCompactJws, type CompactJws } from "./jws";

export interface JwtResult {
  outcome: ProofOutcome;
  fromCache: boolean;
  /** The credential and registered claims, from the token itself (only meaningful when proof passed). */
  credential?: Json;
  claims?: Json;
}

const ALGS = JOSE_ALGS;

function claimsContradiction(claims: Json, credential: Json): string | undefined {
  if (claims === credential) return undefined;
  const subject = isRecord(credential.credentialSubject) ? str(credential.credentialSubject.id) : undefined;
  if (str(claims.jti) && str(credential.id) && claims.jti !== credential.id) return "jti";
  if (str(claims.sub) && subject && claims.sub !== subject) return "sub";
  return undefined;
}

function signatureCheck(
  jws: CompactJws,
  alg: SignatureAlg,
  key: ResolvedKey,
  details: Record<string, string | undefined>,
): Check {
  try {
    if (verifySignature(key, alg, jws.signingInput, jws.signature)) {
      return passed(
        "proof",
        "The issuer's digital signature is valid: the credential has not been changed since it was signed.",
        details,
      );
    }
  } catch (error) {
    if (!(error instanceof KeyAlgorithmMismatchError)) throw error;
  }
  return failed(
    "proof",
    "The digital signature does not match: the credential was changed after it was signed, or it was not signed with the issuer's key.",
    details,
  );
}

export async function verifyVcJwt(token: string, deps: VerifyDeps): Promise<JwtResult> {
  let jws: CompactJws;
  try {
    jws = parseCompactJws(token);
  } catch (error) {
    return {
      outcome: {
        proof: unknown("proof", "The signed token is malformed, so it cannot be checked.", {
          error: errorDetail(error),
        }),
        issuer: unconfirmedIssuer(),
      },
      fromCache: false,
    };
  }
  const alg = allowedAlg(jws.header.alg, ALGS);
  const base: Record<string, string | undefined> = {
    method: `VC-JWT ${String(jws.header.alg)}`,
    ignoredHeaderKeys: ignoredKeyHints(jws.header),
  };
  if (!alg)
    return {
      outcome: { proof: failed("proof", disallowedAlgReason(jws.header.alg), base), issuer: unconfirmedIssuer() },
      fromCache: false,
    };
  if (jws.header.crit !== undefined) {
    return {
      outcome: {
        proof: unknown("proof", "The token uses signature extensions Tessera does not support.", base),
        issuer: unconfirmedIssuer(),
      },
      fromCache: false,
    };
  }
  const claims = jws.payload;
  const credential = isRecord(claims.vc) ? claims.vc : claims;
  const named = vcIssuer(credential);
  const iss = str(claims.iss);
  const issuer = { id: named.id ?? iss, name: named.name };
  const found = await resolveJoseIssuerKeys(
    { iss: iss ?? named.id, kid: str(jws.header.kid), header: jws.header, alg },
    deps,
  );
  if (found.ok && found.source === "x5c") base.ignoredHeaderKeys = ignoredKeyHints(jws.header, ["x5c"]);
  if (!found.ok || found.keys.length === 0) {
    const reason = found.ok
      ? "The issuer does not publish a key that can check this signature, so the signature cannot be checked."
      : found.reason;
    const issuerCheck =
      !found.ok && found.problem === "not-listed"
        ? failed("issuer", "The issuer does not list the signing key as its own.")
        : unconfirmedIssuer();
    return {
      outcome: {
        proof: unknown("proof", reason, {
          ...base,
          keySource: found.source,
          error: found.ok ? undefined : found.detail,
        }),
        issuer: issuerCheck,
      },
      fromCache: false,
      credential,
      claims,
    };
  }
  const keys: ResolvedKey[] = found.keys;
  const digest = deps.proofCache ? sha256Hex(token.trim()) : ""; // hashing only pays off with a cache
  let outcome: ProofOutcome | undefined;
  for (const key of keys) {
    const cacheKey = proofCacheKey(`jwt:${alg}`, digest, key.fingerprint, key.controller, key.keyId);
    let binding = bindingCheck(key, issuer);
    if (iss && named.id && iss !== named.id)
      binding = failed("issuer", "The token's issuer and the credential's issuer are different.", {
        iss,
        issuerId: named.id,
      });
    // Only the signature outcome is reused; the binding is recomputed from the key just resolved.
    const hit = deps.proofCache?.get(cacheKey);
    if (hit?.proof.status === "passed")
      return {
        outcome: { proof: hit.proof, issuer: issuerFor(hit.proof, binding) },
        fromCache: true,
        credential,
        claims,
      };
    const details = { ...base, keyId: key.keyId };
    let proof = signatureCheck(jws, alg, key, details);
    const contradiction = proof.status === "passed" ? claimsContradiction(claims, credential) : undefined;
    if (contradiction)
      proof = failed(
        "proof",
        `The token's signed claims contradict the credential inside it (${contradiction}).`,
        details,
      );
    outcome = { proof, issuer: issuerFor(proof, binding) };
    if (isCacheable(outcome)) deps.proofCache?.set(cacheKey, outcome);
    if (proof.status === "passed") break;
  }
  return { outcome: outcome!, fromCache: false, credential, claims };
}
