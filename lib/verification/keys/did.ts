/**
 * Verification-method resolution for did:key (decoded locally) and did:web (the DID document is
 * fetched through the injected guarded fetcher — never anything else). Lenient where real issuers
 * are sloppy (a bare did:key means its only key), strict where it matters: the DID document must
 * be the DID's own and the key must be listed under assertionMethod.
 */
import type { FetchLike } from "@/lib/net";
import { asRecord, didOf, resolveFromDocument } from "./did-document";
import { fromMultibase, UnsupportedKeyError, type PublicKeyMaterial } from "./multikey";
import { KeyResolutionError, type ResolvedKey } from "./resolved";

export { KeyResolutionError, type ResolvedKey } from "./resolved";

const didKeyCache = new Map<string, ResolvedKey>();

function resolveDidKey(url: string): ResolvedKey {
  const [did = "", fragment] = url.split("#");
  const multibase = did.slice("did:key:".length);
  // Lenient: a bare did:key names its only key (docs/formats/vc.md#key-resolution). Any other fragment is wrong.
  if (fragment !== undefined && fragment !== multibase)
    throw new KeyResolutionError("invalid", `did:key fragment does not name its key: ${url}`);
  const keyId = `${did}#${multibase}`;
  const cached = didKeyCache.get(keyId);
  if (cached) return cached;
  let material: PublicKeyMaterial;
  try {
    material = fromMultibase(multibase);
  } catch (cause) {
    throw new KeyResolutionError("unsupported", `unsupported did:key ${did}`, { cause });
  }
  const resolved: ResolvedKey = {
    ...material,
    keyId,
    controller: did,
    method: "did:key",
    assertion: true,
    authentication: true,
  };
  if (didKeyCache.size >= 1_000) didKeyCache.clear();
  didKeyCache.set(keyId, resolved);
  return resolved;
}

/** https URL of a did:web DID document (W3C did:web §3.2). */
export function didWebUrl(did: string): string {
  const parts = did.slice("did:web:".length).split(":").map(decodeURIComponent);
  const [host = "", ...path] = parts;
  if (!host || /[/?#@\s]/.test(host) || path.some((p) => p === "" || /[/?#\s]/.test(p) || p === ".." || p === ".")) {
    throw new KeyResolutionError("invalid", `malformed did:web: ${did}`);
  }
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join("/")}/did.json`;
}

export async function fetchDidWebDocument(did: string, fetch: FetchLike): Promise<Record<string, unknown>> {
  const url = didWebUrl(did);
  let body: unknown;
  try {
    body = (await fetch(url, { accept: "application/did+json, application/json" })).json();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new KeyResolutionError("unreachable", `Tessera could not fetch the issuer's DID document (${reason})`, {
      cause,
    });
  }
  const doc = asRecord(body);
  // A document naming another DID would let one issuer speak for another.
  if (!doc || doc.id !== did) throw new KeyResolutionError("invalid", `the DID document at ${url} is not ${did}'s`);
  return doc;
}

/** Resolves a proof's verificationMethod / a JWS kid to a public key and its controller. */
export async function resolveVerificationMethod(url: string, fetch: FetchLike): Promise<ResolvedKey> {
  if (url.startsWith("did:key:")) return resolveDidKey(url);
  if (url.startsWith("did:web:")) {
    const did = didOf(url);
    const doc = await fetchDidWebDocument(did, fetch);
    return resolveFromDocument(doc, did, url.includes("#") ? url : undefined);
  }
  if (url.startsWith("did:"))
    throw new KeyResolutionError("unsupported", `DID method not supported: ${url.split(":").slice(0, 2).join(":")}`);
  throw new KeyResolutionError("unsupported", "the key is not named by a DID Tessera can resolve");
}

/** All assertion keys of an issuer DID (a VC-JWT without a usable kid). */
export async function issuerAssertionKeys(did: string, fetch: FetchLike): Promise<ResolvedKey[]> {
  if (did.startsWith("did:key:")) return [resolveDidKey(did)];
  if (!did.startsWith("did:web:"))
    throw new KeyResolutionError("unsupported", "the issuer is not a DID Tessera can resolve");
  const doc = await fetchDidWebDocument(did, fetch);
  const keys: ResolvedKey[] = [];
  for (const ref of Array.isArray(doc.assertionMethod) ? doc.assertionMethod : []) {
    const id = typeof ref === "string" ? ref : asRecord(ref)?.id;
    if (typeof id !== "string") continue;
    try {
      keys.push(resolveFromDocument(doc, did, id.startsWith("#") ? did + id : id));
    } catch (error) {
      if (!(error instanceof KeyResolutionError || error instanceof UnsupportedKeyError)) throw error;
    }
  }
  return keys;
}
