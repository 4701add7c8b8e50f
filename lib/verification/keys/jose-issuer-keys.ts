/**
 * Where a JOSE-signed credential's issuer key comes from (VC-JWT / VC-JOSE here; SD-JWT VC reuses
 * it unchanged). Given the issuer (`iss`), the token's `kid`, protected header and algorithm, it
 * returns candidate keys bound to that issuer, or a typed failure — never throws. Sources, in order:
 *
 * 1. a DID (`kid` is a DID URL, or `iss` is a DID): did:key locally, did:web through the fetcher;
 * 2. `x5c`, when a trust list is configured: the certificate chain decides whose key it is;
 * 3. an https `iss`: a `kid` URL under the issuer's own address (Open Badges 3.0: "dereferenced to
 *    a JWK"), else — or when that cannot be fetched — its JWT VC issuer metadata
 *    (`/.well-known/jwt-vc-issuer`), inline `jwks` or the `jwks_uri` it names; if the metadata cannot
 *    be reached and the token carries `x5c`, the certificate key with its chain reported as not checked;
 * 4. `x5c` alone: the certificate key, chain not checked (the issuer stays unconfirmed).
 *
 * A key in the header itself (`jwk`, `jku`, `x5u`) is never used (docs/threat-model.md E8).
 */
import type { FetchLike } from "@/lib/net";
import type { Json } from "../json";
import { errorDetail, reasonFor } from "../reasons";
import { issuerAssertionKeys, resolveVerificationMethod } from "./did";
import { issuerMetadataKeys } from "./jwt-vc-issuer";
import { kidUnderIssuer, kidUrlKeys } from "./kid-url";
import { UnsupportedKeyError } from "./multikey";
import { KeyResolutionError, type KeyProblem, type ResolvedKey } from "./resolved";
import type { SignatureAlg } from "./signature";
import { keyFromX5c } from "./x509-chain";

export interface JoseKeyRequest {
  /** The issuer the key must belong to: the token's `iss`, or the credential's issuer id when it has none. */
  iss?: string;
  kid?: string;
  /** The protected header: only its `x5c` is ever read as a key source. */
  header: Json;
  alg: SignatureAlg;
}

export interface JoseKeyEnvironment {
  fetch: FetchLike;
  now: () => Date;
  /** Certificate authorities whose chains prove an `x5c` key's owner (PEM or base64 DER). */
  x509TrustAnchors?: ReadonlyArray<string>;
}

export type JoseKeySource = "did" | "issuer-url" | "jwt-vc-issuer" | "x5c";

export type JoseKeyResult =
  | { ok: true; source: JoseKeySource; keys: ResolvedKey[] }
  | { ok: false; source?: JoseKeySource; problem: KeyProblem; reason: string; detail: string };

export const NO_KEY_SOURCE_REASON =
  "The issuer does not publish its key in a way Tessera can check (no DID, no JWT VC issuer metadata, no certificate), so the signature cannot be checked.";

const isDid = (value: string | undefined) => value?.startsWith("did:") ?? false;
const isWebAddress = (value: string | undefined) => !!value && /^https?:\/\//i.test(value);

async function didKeys(kid: string | undefined, iss: string | undefined, fetch: FetchLike): Promise<ResolvedKey[]> {
  if (kid && isDid(kid)) return [await resolveVerificationMethod(kid, fetch)];
  if (kid?.startsWith("#") && iss) return [await resolveVerificationMethod(iss + kid, fetch)];
  return issuerAssertionKeys(iss!, fetch);
}

async function metadataKeys(iss: string, request: JoseKeyRequest, fetch: FetchLike): Promise<ResolvedKey[]> {
  const found = await issuerMetadataKeys(iss, { kid: request.kid, alg: request.alg }, fetch);
  return found.keys.map(({ kid, ...material }) => ({
    ...material,
    keyId: `${found.jwksUrl}#${kid}`,
    controller: iss,
    method: "jwt-vc-issuer",
    assertion: true,
    facts: {
      issuerMetadata: found.metadataUrl,
      jwksUri: found.jwksUrl === found.metadataUrl ? undefined : found.jwksUrl,
    },
  }));
}

function failure(error: unknown, source?: JoseKeySource): JoseKeyResult {
  const problem: KeyProblem =
    error instanceof KeyResolutionError
      ? error.problem
      : error instanceof UnsupportedKeyError
        ? "unsupported"
        : "invalid";
  return { ok: false, source, problem, reason: reasonFor(error), detail: errorDetail(error) };
}

export async function resolveJoseIssuerKeys(request: JoseKeyRequest, env: JoseKeyEnvironment): Promise<JoseKeyResult> {
  const { iss, kid, header } = request;
  const anchors = env.x509TrustAnchors ?? [];
  const certificate = (): JoseKeyResult => {
    try {
      return {
        ok: true,
        source: "x5c",
        keys: [keyFromX5c(header.x5c, { issuerId: iss, trustAnchors: anchors, now: env.now() })],
      };
    } catch (error) {
      return failure(error, "x5c");
    }
  };
  if (isDid(kid) || isDid(iss)) {
    try {
      return { ok: true, source: "did", keys: await didKeys(kid, iss, env.fetch) };
    } catch (error) {
      return failure(error, "did");
    }
  }
  if (header.x5c !== undefined && anchors.length > 0) return certificate();
  if (isWebAddress(iss) && kidUnderIssuer(kid, iss)) {
    try {
      return { ok: true, source: "issuer-url", keys: await kidUrlKeys(kid!, iss!, request.alg, env.fetch) };
    } catch (error) {
      const unreachable = error instanceof KeyResolutionError && error.problem === "unreachable";
      if (!unreachable) return failure(error, "issuer-url");
    }
  }
  if (isWebAddress(iss)) {
    try {
      return { ok: true, source: "jwt-vc-issuer", keys: await metadataKeys(iss!, request, env.fetch) };
    } catch (error) {
      const unreachable = error instanceof KeyResolutionError && error.problem === "unreachable";
      return unreachable && header.x5c !== undefined ? certificate() : failure(error, "jwt-vc-issuer");
    }
  }
  if (header.x5c !== undefined) return certificate();
  return { ok: false, problem: "unsupported", reason: NO_KEY_SOURCE_REASON, detail: "no DID, issuer metadata or x5c" };
}
