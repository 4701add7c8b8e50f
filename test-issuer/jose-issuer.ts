/**
 * JOSE issuers without a DID, for VC-JWT / VC-JOSE (and later SD-JWT VC): an issuer identified by
 * an https URL (or a loopback test server's origin) that publishes JWT VC issuer metadata at
 * `/.well-known/jwt-vc-issuer<path>` with its keys inline (`jwks`) or at a `jwks_uri`; or a signer
 * whose key is in an X.509 certificate sent in the `x5c` header. `documents` is what to serve (a
 * document bundle, or a loopback server from lib/net/test-servers.ts).
 */
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { JwtAlg, JwtSigner } from "./keys";
import { createTestCa, issueLeafCertificate, type TestCa } from "./x509-ca";

export interface JoseIssuer extends JwtSigner {
  iss: string;
  metadataUrl: string;
  metadata: Record<string, unknown>;
  jwks: { keys: JWK[] };
  /** URL → JSON to serve: the metadata, and the key set when it is published by reference. */
  documents: Record<string, unknown>;
}

export interface JoseIssuerOptions {
  /** The issuer identifier (`iss`): an https URL with an optional path. */
  iss: string;
  alg?: JwtAlg;
  /**
   * Keys inline in the metadata (default), at a jwks_uri, or — "kid" — only as the JWK the `kid` URL
   * dereferences to (Open Badges 3.0 style; `kid` must then be a URL under `iss`).
   */
  publish?: "jwks" | "jwks_uri" | "kid";
  /** Where the key set lives when published by reference (default `<origin>/jwks.json`). */
  jwksUri?: string;
  kid?: string;
  /** What the metadata claims as `issuer` (default: `iss`) — for the "names someone else" case. */
  metadataIssuer?: string;
  /** Other keys the issuer also publishes (rotation). */
  extraKeys?: JWK[];
}

/** The SD-JWT VC rule, written out independently of the verifier: well-known segment between host and path. */
export function jwtVcIssuerMetadataUrl(iss: string): string {
  const url = new URL(iss);
  return `${url.origin}/.well-known/jwt-vc-issuer${url.pathname.replace(/\/+$/, "")}`;
}

async function keyPair(alg: JwtAlg): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const options =
    alg === "RS256" || alg === "PS256" ? { modulusLength: 2048 } : alg === "EdDSA" ? { crv: "Ed25519" } : {};
  return generateKeyPair(alg, { ...options, extractable: true });
}

export async function createJoseIssuer(options: JoseIssuerOptions): Promise<JoseIssuer> {
  const alg = options.alg ?? "ES256";
  const kid = options.kid ?? `${alg.toLowerCase()}-key-1`;
  const { privateKey, publicKey } = await keyPair(alg);
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  const jwks = { keys: [...(options.extraKeys ?? []), publicJwk] };
  const metadataUrl = jwtVcIssuerMetadataUrl(options.iss);
  const issuer = options.metadataIssuer ?? options.iss;
  const jwksUri = options.jwksUri ?? `${new URL(options.iss).origin}/jwks.json`;
  // What the issuer publishes: metadata with the keys inline or by reference, or only the kid's JWK.
  const published: Record<
    NonNullable<JoseIssuerOptions["publish"]>,
    [Record<string, unknown>, Record<string, unknown>]
  > = {
    jwks: [{ issuer, jwks }, { [metadataUrl]: { issuer, jwks } }],
    jwks_uri: [
      { issuer, jwks_uri: jwksUri },
      { [metadataUrl]: { issuer, jwks_uri: jwksUri }, [jwksUri]: jwks },
    ],
    kid: [{}, { [kid.split("#")[0]!]: publicJwk }],
  };
  const [metadata, documents] = published[options.publish ?? "jwks"];
  const base = { did: options.iss, iss: options.iss, verificationMethod: kid, alg, privateKey, publicJwk };
  return { ...base, metadataUrl, metadata, jwks, documents };
}

export interface X5cSigner extends JwtSigner {
  /** The root CA: what a trust list must hold for the chain to check out. */
  root: TestCa;
  /** The x5c header value: leaf first, then any intermediate. */
  chain: string[];
}

/** A signer whose key is certified for `iss` (SAN DNS name of its host, and its URI) by a test CA. */
export async function createX5cSigner(options: {
  iss: string;
  alg?: JwtAlg;
  /** Put an intermediate CA between the root and the leaf. */
  intermediate?: boolean;
  /** SAN names (default: the iss host and the iss URI). */
  dns?: string[];
  uris?: string[];
  root?: TestCa;
  notBefore?: Date;
  notAfter?: Date;
}): Promise<X5cSigner> {
  const alg = options.alg ?? "ES256";
  const root = options.root ?? (await createTestCa());
  const parent = options.intermediate ? await createTestCa({ parent: root }) : root;
  const leaf = await issueLeafCertificate(parent, {
    alg,
    dns: options.dns ?? [new URL(options.iss).hostname],
    uris: options.uris ?? [options.iss],
    notBefore: options.notBefore,
    notAfter: options.notAfter,
  });
  const chain = options.intermediate ? [leaf.x5c, parent.x5c] : [leaf.x5c];
  const publicJwk: JWK = {};
  return {
    did: options.iss,
    verificationMethod: "",
    alg,
    privateKey: leaf.privateKey,
    publicJwk,
    header: { x5c: chain },
    root,
    chain,
  };
}
