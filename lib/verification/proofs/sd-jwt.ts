/**
 * SD-JWT and SD-JWT VC (docs/formats/sd-jwt-vc.md). @sd-jwt/core (OpenWallet Foundation, ADR 0026)
 * does the SD-JWT work: splitting, disclosure digests, putting disclosed claims back (refusing a
 * disclosure no digest references, a digest listed twice, a claim that overwrites a signed one),
 * and the key-binding JWT with its `sd_hash`. Tessera decides everything around it, as for VC-JWT
 * (proofs/vc-jwt.ts): the algorithm allowlist, the `typ`, where the issuer's key comes from
 * (keys/jose-issuer-keys.ts: DID, JWT VC issuer metadata, `x5c` with the trust list — never a key
 * from the header), and whether that key is the issuer's.
 *
 * Dates are not judged here: the library's time checks are skipped so that an expired credential's
 * signature is still reported, and the validity check reads `nbf`/`exp` like any other date.
 */
import { createHash } from "node:crypto";
import { SDJwt, SDJWTException, type Hasher } from "@sd-jwt/core";
import { failed, passed, unknown } from "../checks";
import { isRecord, str, vcIssuer, type Json } from "../json";
import { resolveJoseIssuerKeys } from "../keys/jose-issuer-keys";
import { fromJwk } from "../keys/multikey";
import type { ResolvedKey } from "../keys/resolved";
import { KeyAlgorithmMismatchError, verifySignature, type SignatureAlg } from "../keys/signature";
import { LIMITS } from "../limits";
import { errorDetail } from "../reasons";
import type { Check, ProofOutcome, VerifyDeps } from "../types";
import { bindingCheck, issuerFor, unconfirmedIssuer } from "./binding";
import { JOSE_ALGS, allowedAlg, disallowedAlgReason, ignoredKeyHints, parseCompactJws, type CompactJws } from "./jws";

export interface SdJwtResult {
  outcome: ProofOutcome;
  /** The claims with every presented disclosure put back (only meaningful when the proof passed). */
  claims?: Json;
  /** For a W3C credential secured as SD-JWT: the credential inside the claims. */
  credential?: Json;
}

const ALGS = JOSE_ALGS;
/** SD-JWT VC's `dc+sd-jwt`, its earlier `vc+sd-jwt` (also VC-JOSE-COSE's SD-JWT media type). */
const TYPES = new Set(["dc+sd-jwt", "vc+sd-jwt", "application/dc+sd-jwt", "application/vc+sd-jwt"]);
/** Digest algorithms accepted for disclosures; anything else (notably "none") proves nothing. */
const HASHES: Record<string, string> = { "sha-256": "sha256", "sha-384": "sha384", "sha-512": "sha512" };

export const sdHasher: Hasher = (data, alg) => {
  const name = HASHES[alg];
  if (!name) throw new SDJWTException(`Disallowed _sd_alg: ${alg}`);
  return new Uint8Array(
    createHash(name)
      .update(typeof data === "string" ? data : new Uint8Array(data))
      .digest(),
  );
};

const PROVES_NOTHING = "so its selectively disclosed claims prove nothing.";

/**
 * Why the disclosures cannot be trusted, in words. @sd-jwt/core reports these only as messages, so
 * they are read here, in one place; anything unrecognised gets the general reason.
 */
function disclosureProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/unreferenced disclosure/i.test(message))
    return "A disclosed claim is not covered by the issuer's signature (no digest in the credential refers to it).";
  if (/duplicate (?:disclosure )?digest/i.test(message))
    return `The credential lists the same disclosure digest twice, ${PROVES_NOTHING}`;
  if (/conflicts with/i.test(message))
    return "A disclosed claim would replace a claim the issuer signed in the clear, so the credential cannot be trusted.";
  return `The credential's disclosures do not match what the issuer signed, ${PROVES_NOTHING}`;
}

function sdAlgProblem(payload: Json): string | undefined {
  const alg = payload._sd_alg;
  if (alg === undefined || (typeof alg === "string" && HASHES[alg])) return undefined;
  return `The credential names a digest algorithm Tessera does not accept for its disclosures (${String(alg)}), ${PROVES_NOTHING}`;
}

const fail = (proof: Check, issuer = unconfirmedIssuer()): SdJwtResult => ({ outcome: { proof, issuer } });

async function signatureValid(sdjwt: SDJwt, key: ResolvedKey, alg: SignatureAlg): Promise<boolean> {
  try {
    await sdjwt.jwt!.verify(
      (data, signature) => verifySignature(key, alg, Buffer.from(data, "ascii"), Buffer.from(signature, "base64url")),
      { skipJwtClaimValidation: true, allowedIssuerAlgorithms: [...ALGS] },
    );
    return true;
  } catch (error) {
    if (error instanceof SDJWTException || error instanceof KeyAlgorithmMismatchError) return false;
    throw error;
  }
}

/** The key-binding JWT, when presented: signed by the key the issuer bound (`cnf.jwk`) over this very presentation. */
async function keyBindingProblem(sdjwt: SDJwt, claims: Json, deps: VerifyDeps): Promise<string | undefined> {
  const kb = sdjwt.kbJwt;
  if (!kb) return undefined;
  const cnf = isRecord(claims.cnf) ? claims.cnf : undefined;
  if (!cnf || !isRecord(cnf.jwk))
    return "The credential carries a holder's key-binding signature, but the issuer bound no key to check it with.";
  const alg = allowedAlg(kb.header?.alg, ALGS);
  if (!alg) return "The holder's key-binding signature uses an algorithm Tessera does not accept.";
  const holderKey = fromJwk(cnf.jwk);
  try {
    await kb.verifyKB({
      verifier: (data, signature) =>
        verifySignature(holderKey, alg, Buffer.from(data, "ascii"), Buffer.from(signature, "base64url")),
      payload: claims,
      // No verifier request is in play here (an import or /verify), so the nonce is the token's own.
      nonce: String(kb.payload?.nonce ?? ""),
      options: { currentDate: Math.floor(deps.now().getTime() / 1000), skewSeconds: 300 },
    });
  } catch (error) {
    if (error instanceof SDJWTException || error instanceof KeyAlgorithmMismatchError)
      return "The holder's key-binding signature does not match the key the issuer bound to this credential.";
    throw error;
  }
  const presented = new SDJwt({ jwt: sdjwt.jwt, disclosures: sdjwt.disclosures }).encodeSDJwt();
  const { _sd_alg } = sdjwt.jwt!.payload as { _sd_alg?: string };
  const expected = Buffer.from(await sdHasher(presented, _sd_alg ?? "sha-256")).toString("base64url");
  if (kb.payload?.sd_hash !== expected)
    return "The holder's key-binding signature was made over other disclosures than the ones presented.";
  return undefined;
}

export async function verifySdJwt(token: string, deps: VerifyDeps): Promise<SdJwtResult> {
  const text = token.trim();
  let jws: CompactJws;
  try {
    if (text.length > LIMITS.maxTokenChars) throw new Error("the token is too large");
    jws = parseCompactJws(text.split("~")[0] ?? "");
  } catch (error) {
    return fail(
      unknown("proof", "The signed token is malformed, so it cannot be checked.", { error: errorDetail(error) }),
    );
  }
  const base: Record<string, string | undefined> = {
    method: `SD-JWT ${String(jws.header.alg)}`,
    ignoredHeaderKeys: ignoredKeyHints(jws.header),
  };
  const alg = allowedAlg(jws.header.alg, ALGS);
  if (!alg) return fail(failed("proof", disallowedAlgReason(jws.header.alg), base));
  if (jws.header.crit !== undefined)
    return fail(unknown("proof", "The token uses signature extensions Tessera does not support.", base));
  if (!TYPES.has(String(jws.header.typ)))
    return fail(
      failed(
        "proof",
        `This token is not typed as an SD-JWT credential (typ ${String(jws.header.typ ?? "missing")}).`,
        base,
      ),
    );
  const algProblem = sdAlgProblem(jws.payload);
  if (algProblem) return fail(failed("proof", algProblem, base));

  let sdjwt: SDJwt;
  let claims: Json;
  try {
    sdjwt = await SDJwt.fromEncode(text, sdHasher);
    claims = await sdjwt.getClaims<Json>(sdHasher);
  } catch (error) {
    return fail(failed("proof", disclosureProblem(error), { ...base, error: errorDetail(error) }));
  }
  base.disclosures = String(sdjwt.disclosures?.length ?? 0);
  const credential = isRecord(claims.vc) ? claims.vc : claims;
  const named = vcIssuer(credential);
  const iss = str(claims.iss);
  const issuer = { id: named.id ?? iss, name: named.name ?? str(claims.issuer_name) };
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
      claims,
      credential,
    };
  }
  let outcome: ProofOutcome | undefined;
  for (const key of found.keys) {
    let binding = bindingCheck(key, issuer);
    if (iss && named.id && iss !== named.id)
      binding = failed("issuer", "The token's issuer and the credential's issuer are different.", {
        iss,
        issuerId: named.id,
      });
    const details = { ...base, keyId: key.keyId };
    if (!(await signatureValid(sdjwt, key, alg))) {
      const proof = failed(
        "proof",
        "The digital signature does not match: the credential was changed after it was signed, or it was not signed with the issuer's key.",
        details,
      );
      outcome = { proof, issuer: issuerFor(proof, binding) };
      continue;
    }
    // The issuer's signature holds; a key-binding JWT, when presented, must hold too.
    const problem = await keyBindingProblem(sdjwt, claims, deps);
    const proof = problem
      ? failed("proof", problem, details)
      : passed("proof", "The issuer's digital signature is valid and every disclosed claim is one the issuer signed.", {
          ...details,
          keyBinding: sdjwt.kbJwt ? "holder's signature valid (no verifier nonce to compare)" : undefined,
        });
    outcome = { proof, issuer: issuerFor(proof, binding) };
    break;
  }
  return { outcome: outcome!, claims, credential };
}
