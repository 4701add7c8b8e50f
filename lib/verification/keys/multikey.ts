/**
 * Public keys from the encodings issuers publish: Multikey `publicKeyMultibase` (did:key and DID
 * documents) and JWK, turned into node:crypto KeyObjects so signatures are checked by OpenSSL
 * directly. Only public keys are accepted; a JWK carrying `d` is refused.
 */
import { ECDH, createHash, createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";

export type KeyCurve = "Ed25519" | "P-256" | "P-384" | "P-521" | "RSA";

export interface PublicKeyMaterial {
  curve: KeyCurve;
  publicKey: KeyObject;
  /** SHA-256 (hex) of the SPKI DER: identifies the key material in cache keys. */
  fingerprint: string;
}

export class UnsupportedKeyError extends Error {
  override readonly name = "UnsupportedKeyError";
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BASE58_INDEX = new Map([...BASE58].map((c, i) => [c, i]));

export function base58btcDecode(text: string): Uint8Array {
  if (text.length > 200) throw new UnsupportedKeyError("multibase value too long");
  const bytes: number[] = [];
  for (const char of text) {
    let carry = BASE58_INDEX.get(char);
    if (carry === undefined) throw new UnsupportedKeyError("not base58btc");
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    for (; carry > 0; carry >>= 8) bytes.push(carry & 0xff);
  }
  for (const char of text) {
    if (char !== "1") break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** Multibase-decodes a signature/proofValue: `z` base58btc or `u` base64url. */
export function decodeMultibase(value: string): Uint8Array {
  if (value.startsWith("z")) return base58btcDecode(value.slice(1));
  if (value.startsWith("u") && /^[A-Za-z0-9_-]*$/.test(value.slice(1)))
    return new Uint8Array(Buffer.from(value.slice(1), "base64url"));
  throw new UnsupportedKeyError("unsupported multibase encoding");
}

function material(curve: KeyCurve, publicKey: KeyObject): PublicKeyMaterial {
  const der = publicKey.export({ type: "spki", format: "der" });
  return { curve, publicKey, fingerprint: createHash("sha256").update(der).digest("hex") };
}

/** `z6Mk…` (Ed25519, multicodec 0xed01) or `zDna…` (P-256 compressed, 0x1200). */
export function fromMultibase(publicKeyMultibase: string): PublicKeyMaterial {
  if (!publicKeyMultibase.startsWith("z")) throw new UnsupportedKeyError("publicKeyMultibase must be base58btc");
  const bytes = base58btcDecode(publicKeyMultibase.slice(1));
  if (bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01) {
    const x = Buffer.from(bytes.subarray(2)).toString("base64url");
    return material("Ed25519", createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" }));
  }
  if (bytes.length === 35 && bytes[0] === 0x80 && bytes[1] === 0x24) {
    const point = ECDH.convertKey(
      Buffer.from(bytes.subarray(2)),
      "prime256v1",
      undefined,
      undefined,
      "uncompressed",
    ) as Buffer;
    const jwk = {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    };
    return material("P-256", createPublicKey({ key: jwk, format: "jwk" }));
  }
  throw new UnsupportedKeyError("only Ed25519 and P-256 Multikeys are supported");
}

const JWK_EC_CURVES: ReadonlySet<string> = new Set(["P-256", "P-384", "P-521"]);

export function fromJwk(jwk: unknown): PublicKeyMaterial {
  if (!jwk || typeof jwk !== "object" || Array.isArray(jwk))
    throw new UnsupportedKeyError("publicKeyJwk is not an object");
  const key = jwk as JsonWebKey;
  if ("d" in key || "p" in key || "k" in key)
    throw new UnsupportedKeyError("a published key must not contain private or secret parts");
  const ec = key.kty === "EC" && typeof key.crv === "string" && JWK_EC_CURVES.has(key.crv);
  const ok = (key.kty === "OKP" && key.crv === "Ed25519") || ec || key.kty === "RSA";
  if (!ok) throw new UnsupportedKeyError(`unsupported key type ${String(key.kty)} ${String(key.crv ?? "")}`.trim());
  let publicKey: KeyObject;
  try {
    // Only the members that make the public key: a JWK's `alg`, `use` or `kid` are the caller's business.
    const { kty, crv, x, y, n, e } = key;
    publicKey = createPublicKey({ key: { kty, crv, x, y, n, e } as JsonWebKey, format: "jwk" });
  } catch (cause) {
    throw new UnsupportedKeyError("the published key is malformed", { cause });
  }
  if (key.kty === "RSA" && (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    throw new UnsupportedKeyError("RSA keys under 2048 bits are not accepted");
  return material(key.kty === "RSA" ? "RSA" : key.kty === "EC" ? (key.crv as KeyCurve) : "Ed25519", publicKey);
}

const NAMED_CURVES: Record<string, KeyCurve> = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };

/** PEM (SPKI) or a node:crypto public KeyObject, e.g. an X.509 certificate's key. */
export function fromPublicKey(publicKey: KeyObject): PublicKeyMaterial {
  const type = publicKey.asymmetricKeyType;
  if (type === "rsa") {
    if ((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw new UnsupportedKeyError("RSA keys under 2048 bits are not accepted");
    return material("RSA", publicKey);
  }
  const curve = NAMED_CURVES[publicKey.asymmetricKeyDetails?.namedCurve ?? ""];
  if (type === "ec" && curve) return material(curve, publicKey);
  if (type === "ed25519") return material("Ed25519", publicKey);
  throw new UnsupportedKeyError(`unsupported key type ${String(type)}`);
}

export function fromPem(pem: string): PublicKeyMaterial {
  return fromPublicKey(createPublicKey({ key: pem, format: "pem" }));
}
