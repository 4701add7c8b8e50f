/**
 * OB 2.0 signed assertions (docs/formats/ob2.md#signed-verification): a compact JWS (RS256/ES256) whose key is
 * the CryptographicKey at `verification.creator`. The key's `owner` must be the issuer, and the
 * issuer's own profile must list the key in `publicKey` — otherwise anyone could sign for it.
 */
import { failed, passed, unknown } from "../checks";
import { asArray, idOf, isRecord, str } from "../json";
import { fromPem, type PublicKeyMaterial } from "../keys/multikey";
import { KeyAlgorithmMismatchError, verifySignature, type SignatureAlg } from "../keys/signature";
import { isCacheable, proofCacheKey, sha256Hex } from "../proof-cache";
import { issuerFor, unconfirmedIssuer } from "../proofs/binding";
import { allowedAlg, disallowedAlgReason, ignoredKeyHints, parseCompactJws, type CompactJws } from "../proofs/jws";
import { errorDetail, reasonFor } from "../reasons";
import type { Check, ProofOutcome, VerifyDeps } from "../types";
import { fetchJson, ob2Context, type Ob2Context } from "./documents";
import type { Ob2Result } from "./hosted";
import { checkRevocationList } from "./revocation";

const ALGS: ReadonlyArray<SignatureAlg> = ["RS256", "ES256"];

interface Ob2Key {
  url: string;
  material: PublicKeyMaterial;
  owner?: string;
}

async function loadKey(url: string, deps: VerifyDeps): Promise<Ob2Key> {
  const doc = await fetchJson(url, deps);
  if (str(doc.id) && doc.id !== url) throw new Error("the key document's id does not match its address");
  const pem = str(doc.publicKeyPem);
  if (!pem) throw new Error("the key document has no publicKeyPem");
  return { url, material: fromPem(pem), owner: idOf(doc.owner) };
}

function keyBinding(key: Ob2Key, ctx: Ob2Context): Check {
  const listed = asArray(ctx.issuer.publicKey).map(idOf).includes(key.url);
  const details = { issuerId: ctx.issuerId, keyId: key.url, keyOwner: key.owner, method: "OB 2.0 signed" };
  if (key.owner !== ctx.issuerId)
    return failed("issuer", "The signing key belongs to someone other than the badge's issuer.", details);
  if (!listed) return failed("issuer", "The issuer's profile does not list the signing key as its own.", details);
  return passed(
    "issuer",
    `The signing key is published by the named issuer, ${ctx.issuerName ?? ctx.issuerId}.`,
    details,
  );
}

function signatureOutcome(jws: CompactJws, alg: SignatureAlg, key: Ob2Key, ctx: Ob2Context): ProofOutcome {
  const details = { method: `OB 2.0 signed ${alg}`, keyId: key.url };
  let valid = false;
  try {
    valid = verifySignature(key.material, alg, jws.signingInput, jws.signature);
  } catch (error) {
    if (!(error instanceof KeyAlgorithmMismatchError)) throw error;
  }
  const proof = valid
    ? passed(
        "proof",
        "The issuer's digital signature is valid: the badge has not been changed since it was signed.",
        details,
      )
    : failed(
        "proof",
        "The digital signature does not match: the badge was changed after it was signed, or it was not signed with this key.",
        details,
      );
  return { proof, issuer: issuerFor(proof, keyBinding(key, ctx)) };
}

export async function verifyOb2Signed(token: string, deps: VerifyDeps): Promise<Ob2Result & { fromCache: boolean }> {
  const none = (proof: Check) => ({ proof, issuer: unconfirmedIssuer(), fromCache: false });
  let jws: CompactJws;
  try {
    jws = parseCompactJws(token);
  } catch (error) {
    return none(
      unknown("proof", "The signed badge is malformed, so it cannot be checked.", { error: errorDetail(error) }),
    );
  }
  const alg = allowedAlg(jws.header.alg, ALGS);
  if (!alg)
    return none(
      failed("proof", disallowedAlgReason(jws.header.alg), { ignoredHeaderKeys: ignoredKeyHints(jws.header) }),
    );
  if (jws.header.crit !== undefined)
    return none(unknown("proof", "The badge uses signature extensions Tessera does not support."));
  const assertion = jws.payload;
  const verification = isRecord(assertion.verification) ? assertion.verification : {};
  let ctx: Ob2Context;
  let key: Ob2Key;
  try {
    ctx = await ob2Context(assertion, deps);
    const creator = str(verification.creator) ?? idOf(asArray(ctx.issuer.publicKey)[0]);
    if (!creator)
      return none(unknown("proof", "The badge does not say which key signed it, and its issuer publishes none."));
    key = await loadKey(creator, deps);
  } catch (error) {
    return none(unknown("proof", reasonFor(error, "the signature"), { error: errorDetail(error) }));
  }
  const cacheKey = proofCacheKey(`ob2:${alg}`, sha256Hex(token.trim()), key.material.fingerprint, key.url);
  // Only the signature outcome is reused; the key's listing in the issuer profile is re-checked.
  const hit = deps.proofCache?.get(cacheKey);
  const outcome = hit
    ? { proof: hit.proof, issuer: issuerFor(hit.proof, keyBinding(key, ctx)) }
    : signatureOutcome(jws, alg, key, ctx);
  if (!hit && isCacheable(outcome)) deps.proofCache?.set(cacheKey, outcome);
  const ids = [str(assertion.id), str(assertion.uid)].filter((v): v is string => !!v);
  const list = str(ctx.issuer.revocationList);
  const status =
    outcome.proof.status === "passed" && list ? await checkRevocationList(list, ids, deps, ctx.issuerId) : undefined;
  return { ...outcome, status, assertion, ctx, fromCache: !!hit };
}
