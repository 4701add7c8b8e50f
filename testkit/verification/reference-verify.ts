/**
 * The reference pipeline the test issuer is checked against: @digitalbazaar/vc for embedded
 * proofs, jose for JWS/VC-JWT/JAdES. It is deliberately plain library use — Tessera's own verifier
 * lives elsewhere and can be compared with it.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import { cryptosuite as ecdsaRdfc2019 } from "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import * as vc from "@digitalbazaar/vc";
import jsigs from "jsonld-signatures";
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  generalVerify,
  importJWK,
  importX509,
  jwtVerify,
  type GeneralJWSInput,
  type JSONWebKeySet,
  type JWK,
} from "jose";
import { createDocumentLoader, type DocumentLoader } from "@/lib/verification/document-loader";
import type { DateInput } from "@/test-issuer/defaults";
import { jwtVcIssuerMetadataUrl } from "@/test-issuer/jose-issuer";

export function verificationSuites(): unknown[] {
  return [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
    new Ed25519Signature2020(),
  ];
}

type StatusChecker = (options: Record<string, unknown>) => Promise<unknown>;

/** @digitalbazaar/vc verifyCredential; checks BitstringStatusList status unless `checkStatus` is given. */
export async function verifyEmbedded(
  credential: object,
  options: { documentLoader?: DocumentLoader; now?: DateInput; checkStatus?: StatusChecker } = {},
): Promise<vc.VerifyCredentialResult> {
  const documentLoader = options.documentLoader ?? createDocumentLoader();
  const bitstring: StatusChecker = async (o) =>
    checkStatus({ ...(o as { credential: object }), documentLoader, suite: verificationSuites() });
  return vc.verifyCredential({
    credential,
    suite: verificationSuites(),
    documentLoader,
    now: options.now === undefined ? undefined : new Date(options.now),
    checkStatus: options.checkStatus ?? bitstring,
  });
}

/**
 * jsonld-signatures alone, with the plain assertionMethod purpose: is each proof a valid signature
 * by a key its controller authorises — without @digitalbazaar/vc's "issuer = key controller" rule.
 */
export async function verifyProofsOnly(document: object): Promise<boolean> {
  const purpose = new jsigs.purposes.AssertionProofPurpose();
  const result = await jsigs.verify(document, {
    suite: verificationSuites(),
    purpose,
    documentLoader: createDocumentLoader(),
  });
  return result.verified;
}

/** Resolves a JWS `kid` (did:key or did:web DID URL) to a public JWK through the loader. */
export async function resolveKidToJwk(kid: string, documentLoader: DocumentLoader): Promise<JWK> {
  const { document } = await documentLoader(kid);
  const vm = document as Record<string, unknown>;
  if (vm.publicKeyJwk) return vm.publicKeyJwk as JWK;
  const multibase = String(vm.publicKeyMultibase ?? "");
  if (multibase.startsWith("z6Mk")) return Ed25519Multikey.toJwk({ keyPair: await Ed25519Multikey.from(vm) });
  return EcdsaMultikey.toJwk({ keyPair: await EcdsaMultikey.from(vm) });
}

const JWT_ALGORITHMS = ["EdDSA", "ES256", "RS256"];
const JOSE_ALGORITHMS = ["EdDSA", "ES256", "ES384", "ES512", "PS256", "RS256"];

function issuerOf(claims: Record<string, unknown>): unknown {
  const vc = (claims.vc ?? claims) as Record<string, unknown>;
  const issuer = claims.iss ?? vc.issuer;
  return typeof issuer === "object" && issuer ? (issuer as Record<string, unknown>).id : issuer;
}

/** Verifies a VC-JWT (either shape) with the key named by `kid`; the issuer must be the kid's DID. */
export async function verifyVcJwt(jwt: string, options: { documentLoader?: DocumentLoader; now?: DateInput } = {}) {
  const documentLoader = options.documentLoader ?? createDocumentLoader();
  const { kid, alg } = decodeProtectedHeader(jwt);
  if (!kid || !alg || !JWT_ALGORITHMS.includes(alg)) throw new Error("VC-JWT needs a kid and an allowed alg");
  const key = await importJWK(await resolveKidToJwk(kid, documentLoader), alg);
  const result = await jwtVerify(jwt, key, {
    algorithms: JWT_ALGORITHMS,
    clockTolerance: 300,
    currentDate: options.now === undefined ? undefined : new Date(options.now),
  });
  // Nothing ties a key to an issuer unless we check it (docs/formats/vc.md#key-resolution).
  if (issuerOf(result.payload) !== kid.split("#")[0]) throw new Error("VC-JWT issuer is not the controller of its kid");
  return result;
}

/** Verifies a JAdES JWS JSON seal with the key of x5c[0] (no chain or trusted-list check). */
export async function verifyJades(jades: GeneralJWSInput) {
  const signature = jades.signatures[0];
  if (jades.signatures.length !== 1 || !signature?.protected)
    throw new Error("expected exactly one protected signature");
  const header = decodeProtectedHeader({ protected: signature.protected, payload: "", signature: "" });
  const [leaf] = (header.x5c ?? []) as string[];
  if (!leaf || typeof header.alg !== "string") throw new Error("JAdES header lacks x5c or alg");
  const pem = `-----BEGIN CERTIFICATE-----\n${leaf.match(/.{1,64}/g)?.join("\n")}\n-----END CERTIFICATE-----`;
  const key = await importX509(pem, header.alg);
  return generalVerify(jades, key, { crit: { sigT: true, adoTst: true }, algorithms: ["RS256", "ES256"] });
}

const certificatePem = (der: string) =>
  `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)?.join("\n")}\n-----END CERTIFICATE-----`;

/**
 * A VC-JWT from an issuer without a DID, as jose verifies it: keys from the issuer's JWT VC issuer
 * metadata (its `issuer` must equal `iss`; `jwks` inline or `jwks_uri` from `documents`) through
 * createLocalJWKSet, or the JWK a kid URL at the issuer's origin names; or — `x5c` — the leaf
 * certificate's key, with no opinion on the chain.
 */
export async function verifyJoseJwt(
  jwt: string,
  options: { documents?: Record<string, unknown>; now?: DateInput } = {},
) {
  const header = decodeProtectedHeader(jwt);
  const claims = decodeJwt(jwt);
  const verifyOptions = {
    algorithms: JOSE_ALGORITHMS,
    clockTolerance: 300,
    currentDate: options.now === undefined ? undefined : new Date(options.now),
  };
  const x5c = header.x5c?.[0];
  if (x5c) return jwtVerify(jwt, await importX509(certificatePem(x5c), String(header.alg)), verifyOptions);
  const credential = (claims.vc ?? claims) as Record<string, unknown>;
  const named = typeof credential.issuer === "object" ? (credential.issuer as { id?: unknown }).id : credential.issuer;
  const iss = claims.iss ?? named;
  if (typeof iss !== "string" || (named !== undefined && named !== iss))
    throw new Error("the token's iss and the credential's issuer differ");
  // Open Badges 3.0: a kid URL at the issuer's origin dereferences to the JWK itself.
  const kidUrl = typeof header.kid === "string" && /^https?:\/\//.test(header.kid) ? new URL(header.kid) : undefined;
  const kidDoc = kidUrl && options.documents?.[kidUrl.href.split("#")[0]!];
  if (kidUrl && kidUrl.origin === new URL(iss).origin && kidDoc && !(kidDoc as { keys?: unknown }).keys)
    return jwtVerify(jwt, await importJWK(kidDoc as JWK, String(header.alg)), { ...verifyOptions, issuer: iss });
  const metadata = options.documents?.[jwtVcIssuerMetadataUrl(iss)] as Record<string, unknown> | undefined;
  if (!metadata || metadata.issuer !== iss) throw new Error("no JWT VC issuer metadata for this iss");
  const jwks = (metadata.jwks ?? options.documents?.[String(metadata.jwks_uri)]) as JSONWebKeySet | undefined;
  if (!jwks || (metadata.jwks !== undefined && metadata.jwks_uri !== undefined)) throw new Error("no usable key set");
  return jwtVerify(jwt, createLocalJWKSet(jwks), { ...verifyOptions, issuer: iss });
}
