/**
 * Picking the signing key out of a JSON Web Key Set (RFC 7517) the issuer publishes: the key whose
 * `kid` the token names, else every key able to make the token's algorithm. A key whose own `alg`,
 * `use` or `key_ops` rule out verifying this signature is never used; private keys are refused.
 */
import { createHash } from "node:crypto";
import { isRecord, str } from "../json";
import { fromJwk, UnsupportedKeyError, type PublicKeyMaterial } from "./multikey";
import { KeyResolutionError } from "./resolved";
import { keyFitsAlg, type SignatureAlg } from "./signature";

/** More keys than any issuer rotates through; a larger set is refused rather than scanned. */
const MAX_KEYS = 100;

export interface JwksKey extends PublicKeyMaterial {
  /** The JWK's kid, or its RFC 7638 thumbprint when it has none. */
  kid: string;
}

function usableFor(jwk: Record<string, unknown>, alg: SignatureAlg): boolean {
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  if (jwk.use !== undefined && jwk.use !== "sig") return false;
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes("verify"))) return false;
  return true;
}

function thumbprint(key: PublicKeyMaterial): string {
  return createHash("sha256")
    .update(key.publicKey.export({ type: "spki", format: "der" }))
    .digest("base64url");
}

/** The keys of `jwks` that may have made an `alg` signature with key id `kid` (throws when none). */
export function keysFromJwks(jwks: unknown, request: { kid?: string; alg: SignatureAlg }, where: string): JwksKey[] {
  if (!isRecord(jwks) || !Array.isArray(jwks.keys))
    throw new KeyResolutionError("invalid", `the key set at ${where} is not a JWK Set`);
  if (jwks.keys.length > MAX_KEYS)
    throw new KeyResolutionError("invalid", `the key set at ${where} has more than ${MAX_KEYS} keys`);
  const named = request.kid === undefined ? jwks.keys : jwks.keys.filter((k) => isRecord(k) && k.kid === request.kid);
  if (named.length === 0)
    throw new KeyResolutionError("not-listed", `the key set at ${where} has no key ${request.kid ?? ""}`.trim());
  const keys: JwksKey[] = [];
  let unsupported: unknown;
  for (const jwk of named) {
    if (!isRecord(jwk) || !usableFor(jwk, request.alg)) continue;
    try {
      const material = fromJwk(jwk);
      // The key the token names is used even if it cannot make this algorithm: the signature check then
      // fails as a mismatch. Without a kid, only keys that can make it are candidates.
      if (request.kid !== undefined || keyFitsAlg(material, request.alg))
        keys.push({ ...material, kid: str(jwk.kid) ?? thumbprint(material) });
    } catch (error) {
      if (!(error instanceof UnsupportedKeyError)) throw error;
      unsupported ??= error;
    }
  }
  if (keys.length > 0) return keys;
  // The named key exists but cannot make this signature: a kind of key Tessera reads, or a mismatch.
  if (unsupported && request.kid !== undefined)
    throw new KeyResolutionError("unsupported", `the key ${request.kid} at ${where} is of a kind Tessera cannot use`, {
      cause: unsupported,
    });
  throw new KeyResolutionError(
    "not-listed",
    `the key set at ${where} has no ${request.alg} key${request.kid ? ` ${request.kid}` : ""}`,
  );
}
