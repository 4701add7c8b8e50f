/** Raw signature checks with node:crypto, after the algorithm/key pairing is confirmed. */
import { verify } from "node:crypto";
import type { PublicKeyMaterial } from "./multikey";

export type SignatureAlg = "EdDSA" | "ES256" | "RS256";

const CURVE_FOR: Record<SignatureAlg, PublicKeyMaterial["curve"]> = { EdDSA: "Ed25519", ES256: "P-256", RS256: "RSA" };

export class KeyAlgorithmMismatchError extends Error {
  override readonly name = "KeyAlgorithmMismatchError";
}

/** True when `signature` is valid for `data` under `key`; throws when the key cannot make `alg` signatures. */
export function verifySignature(
  key: PublicKeyMaterial,
  alg: SignatureAlg,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (CURVE_FOR[alg] !== key.curve)
    throw new KeyAlgorithmMismatchError(`a ${key.curve} key cannot make ${alg} signatures`);
  switch (alg) {
    case "EdDSA":
      return signature.length === 64 && verify(null, data, key.publicKey, signature);
    case "ES256":
      return (
        signature.length === 64 && verify("sha256", data, { key: key.publicKey, dsaEncoding: "ieee-p1363" }, signature)
      );
    case "RS256":
      return verify("sha256", data, key.publicKey, signature);
  }
}
