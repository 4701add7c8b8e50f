/**
 * JWT VC Issuer Metadata (IETF SD-JWT VC, "JWT VC Issuer Metadata"): an issuer identified by an
 * https URL publishes its keys at `/.well-known/jwt-vc-issuer` + the path of that URL, either inline
 * (`jwks`) or by reference (`jwks_uri`, exactly one of the two). The metadata's `issuer` must be
 * identical to the token's `iss`, or it must not be used. Both documents come through the injected
 * guarded fetcher (and so the document bundle), never anything else.
 */
import type { FetchLike } from "@/lib/net";
import { isRecord, str } from "../json";
import { keysFromJwks, type JwksKey } from "./jwks";
import { KeyResolutionError } from "./resolved";
import type { SignatureAlg } from "./signature";

export interface IssuerMetadataKeys {
  keys: JwksKey[];
  metadataUrl: string;
  /** Where the key set came from: the jwks_uri, or the metadata itself (inline jwks). */
  jwksUrl: string;
}

/** Where an `iss` publishes its metadata: the well-known segment goes between host and path. */
export function issuerMetadataUrl(iss: string): string {
  let url: URL;
  try {
    url = new URL(iss);
  } catch {
    throw new KeyResolutionError("unsupported", `the issuer ${iss} is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new KeyResolutionError("unsupported", `the issuer ${iss} is not a web address`);
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "")
    throw new KeyResolutionError("invalid", `the issuer ${iss} has parts an issuer identifier must not have`);
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.origin}/.well-known/jwt-vc-issuer${path}`;
}

async function fetchJson(url: string, fetch: FetchLike, what: string): Promise<unknown> {
  try {
    return (await fetch(url, { accept: "application/json" })).json();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new KeyResolutionError("unreachable", `Tessera could not fetch ${what} (${reason})`, { cause });
  }
}

/** The issuer's keys from its metadata, for a token signed with `alg` and (optionally) naming `kid`. */
export async function issuerMetadataKeys(
  iss: string,
  request: { kid?: string; alg: SignatureAlg },
  fetch: FetchLike,
): Promise<IssuerMetadataKeys> {
  const metadataUrl = issuerMetadataUrl(iss);
  const metadata = await fetchJson(metadataUrl, fetch, "the issuer's key information");
  if (!isRecord(metadata)) throw new KeyResolutionError("invalid", `${metadataUrl} is not JWT VC issuer metadata`);
  // "The issuer value returned MUST be identical to the iss value": otherwise it speaks for someone else.
  if (metadata.issuer !== iss)
    throw new KeyResolutionError("invalid", `${metadataUrl} names the issuer ${String(metadata.issuer)}, not ${iss}`);
  const inline = metadata.jwks !== undefined;
  const jwksUri = str(metadata.jwks_uri);
  if (inline === (metadata.jwks_uri !== undefined))
    throw new KeyResolutionError("invalid", `${metadataUrl} must give either jwks or jwks_uri, and not both`);
  if (inline) return { keys: keysFromJwks(metadata.jwks, request, metadataUrl), metadataUrl, jwksUrl: metadataUrl };
  if (!jwksUri || !/^https?:\/\//i.test(jwksUri))
    throw new KeyResolutionError("invalid", `${metadataUrl} names a jwks_uri that is not a web address`);
  // The issuer's own metadata names this key set, so it speaks for the issuer wherever it is hosted.
  const jwks = await fetchJson(jwksUri, fetch, "the issuer's key set");
  return { keys: keysFromJwks(jwks, request, jwksUri), metadataUrl, jwksUrl: jwksUri };
}
