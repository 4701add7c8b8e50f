/** Raw signature checks with node:crypto, after the algorithm/key pairing is confirmed. */
import { constants, verify } from "node:crypto";
import type { PublicKeyMaterial } from "./multikey";

/** JOSE names (RFC 7518, RFC 8037); Data Integrity suites map onto EdDSA and ES256. */
export type SignatureAlg = "EdDSA" | "ES256" | "ES384" | "ES512" | "RS256" | "PS256";

const CURVE_FOR: Record<SignatureAlg, PublicKeyMaterial["curve"]> = {
  EdDSA: "Ed25519",
  ES256: "P-256",
  ES384: "P-384",
  ES512: "P-521",
  RS256: "RSA",
  PS256: "RSA",
};

/** ECDSA in JOSE: the hash, and the raw r‖s signature length (RFC 7518 §3.4). */
const ECDSA: Partial<Record<SignatureAlg, { hash: string; bytes: number }>> = {
  ES256: { hash: "sha256", bytes: 64 },
  ES384: { hash: "sha384", bytes: 96 },
  ES512: { hash: "sha512", bytes: 132 },
};

export class KeyAlgorithmMismatchError extends Error {
  override readonly name = "KeyAlgorithmMismatchError";
}

/** True when a key of this kind can make `alg` signatures (used to pick keys out of a key set). */
export function keyFitsAlg(key: Pick<PublicKeyMaterial, "curve">, alg: SignatureAlg): boolean {
  return CURVE_FOR[alg] === key.curve;
}

/** True when `signature` is valid for `data` under `key`; throws when the key cannot make `alg` signatures. */
export function verifySignature(
  key: PublicKeyMaterial,
  alg: SignatureAlg,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!keyFitsAlg(key, alg)) throw new KeyAlgorithmMismatchError(`a ${key.curve} key cannot make ${alg} signatures`);
  const ecdsa = ECDSA[alg];
  if (ecdsa)
    return (
      signature.length === ecdsa.bytes &&
      verify(ecdsa.hash, data, { key: key.publicKey, dsaEncoding: "ieee-p1363" }, signature)
    );
  switch (alg) {
    case "EdDSA":
      return signature.length === 64 && verify(null, data, key.publicKey, signature);
    case "PS256":
      // RFC 7518 §3.5: MGF1 with SHA-256 and a salt as long as the hash.
      return verify(
        "sha256",
        data,
        { key: key.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        signature,
      );
    default:
      return verify("sha256", data, key.publicKey, signature);
  }
}
