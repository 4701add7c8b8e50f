/**
 * Runtime-generated issuer keys for the test issuer. Nothing here is a fixture: every run makes
 * fresh keys (or deterministic ones from a seed), so tests never depend on published test keys.
 */
import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK } from "jose";

export type JwtAlg = "EdDSA" | "ES256" | "ES384" | "ES512" | "PS256" | "RS256";

/** Anything that signs a JWS: the private key, its key id (the `kid`) and the issuer (`iss`). */
export interface JwtSigner {
  /** The issuer: a DID, or an https URL for issuers that publish keys without one (jose-issuer.ts). */
  did: string;
  /** DID URL of the key: `kid` in JOSE headers, `verificationMethod` in proofs. Empty: no `kid` header. */
  verificationMethod: string;
  alg: JwtAlg;
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** More protected-header members (e.g. `x5c`). */
  header?: Record<string, unknown>;
}

type MultikeyPair = Ed25519Multikey.Ed25519MultikeyPair | EcdsaMultikey.EcdsaMultikeyPair;

/** A did:key issuer that can sign Data Integrity proofs and JWTs with the same key. */
export interface TestIssuer extends JwtSigner {
  kind: "ed25519" | "p256";
  keyPair: MultikeyPair;
  cryptosuite: "eddsa-rdfc-2022" | "ecdsa-rdfc-2019";
}

/** An RSA key published in a did:web document (RS256 VC-JWT) and as an OB 2.0 CryptographicKey. */
export interface RsaKey extends JwtSigner {
  alg: "RS256";
  publicKeyPem: string;
  /** Serve through `createDocumentLoader({ resolveDidWeb })` to resolve `kid`. */
  didDocument: Record<string, unknown>;
}

function withDidKeyIds(keyPair: MultikeyPair): { did: string; verificationMethod: string } {
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  const verificationMethod = `${did}#${keyPair.publicKeyMultibase}`;
  keyPair.id = verificationMethod;
  keyPair.controller = did;
  return { did, verificationMethod };
}

function publicPart(jwk: Record<string, string>): JWK {
  const { kty, crv, x, y } = jwk;
  return y ? { kty, crv, x, y } : { kty, crv, x };
}

/** Ed25519 did:key issuer (Multikey). Pass a 32-byte `seed` for a reproducible key. */
export async function createEd25519Issuer(options: { seed?: Uint8Array } = {}): Promise<TestIssuer> {
  const keyPair = await Ed25519Multikey.generate(options.seed ? { seed: options.seed } : {});
  const ids = withDidKeyIds(keyPair);
  const jwk = await Ed25519Multikey.toJwk({ keyPair, secretKey: true });
  // ed25519-multikey emits d = seed‖public key (64 bytes); JOSE wants the 32-byte seed only.
  const d = Buffer.from(jwk.d ?? "", "base64url")
    .subarray(0, 32)
    .toString("base64url");
  const privateKey = (await importJWK({ ...publicPart(jwk), d }, "EdDSA")) as CryptoKey;
  return {
    kind: "ed25519",
    cryptosuite: "eddsa-rdfc-2022",
    alg: "EdDSA",
    keyPair,
    privateKey,
    publicJwk: publicPart(jwk),
    ...ids,
  };
}

/** P-256 did:key issuer (Multikey, `zDna…`) for ecdsa-rdfc-2019 and ES256. */
export async function createP256Issuer(): Promise<TestIssuer> {
  const keyPair = await EcdsaMultikey.generate({ curve: "P-256" });
  const ids = withDidKeyIds(keyPair);
  const jwk = await EcdsaMultikey.toJwk({ keyPair, secretKey: true });
  const privateKey = (await importJWK({ ...publicPart(jwk), d: jwk.d }, "ES256")) as CryptoKey;
  return {
    kind: "p256",
    cryptosuite: "ecdsa-rdfc-2019",
    alg: "ES256",
    keyPair,
    privateKey,
    publicJwk: publicPart(jwk),
    ...ids,
  };
}

/** RSA-2048 key for OB 2.0 signed assertions and RS256 VC-JWTs, listed in a did:web document. */
export async function createRsaKey(options: { did?: string; keyId?: string } = {}): Promise<RsaKey> {
  const did = options.did ?? "did:web:issuer.test";
  const verificationMethod = `${did}#${options.keyId ?? "rsa-key-1"}`;
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const didDocument = {
    "@context": ["https://www.w3.org/ns/did/v1"],
    id: did,
    verificationMethod: [{ id: verificationMethod, type: "JsonWebKey", controller: did, publicKeyJwk: publicJwk }],
    assertionMethod: [verificationMethod],
  };
  return {
    did,
    verificationMethod,
    alg: "RS256",
    privateKey,
    publicJwk,
    publicKeyPem: await exportSPKI(publicKey),
    didDocument,
  };
}
