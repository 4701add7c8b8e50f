/**
 * Open Badges 3.0 VC-JWT: the `kid` "can be dereferenced to an object of type JWK". Such a key is
 * the issuer's only when it is published under the issuer's own web address: same origin as `iss`
 * and inside its path (so one tenant of a shared host cannot publish keys for another). The
 * document may be a single JWK or a JWK Set; either comes through the guarded fetcher.
 */
import type { FetchLike } from "@/lib/net";
import { isRecord, str } from "../json";
import { keysFromJwks } from "./jwks";
import { fromJwk, UnsupportedKeyError } from "./multikey";
import { KeyResolutionError, type ResolvedKey } from "./resolved";
import type { SignatureAlg } from "./signature";

/** True when `kid` is an https(/loopback test) URL at `iss`'s origin and under its path. */
export function kidUnderIssuer(kid: string | undefined, iss: string | undefined): boolean {
  if (!kid || !iss) return false;
  try {
    const key = new URL(kid);
    const issuer = new URL(iss);
    if (key.origin !== issuer.origin || !/^https?:$/.test(key.protocol) || issuer.search || issuer.hash) return false;
    const base = issuer.pathname.endsWith("/") ? issuer.pathname : `${issuer.pathname}/`;
    return key.pathname === issuer.pathname || key.pathname.startsWith(base);
  } catch {
    return false;
  }
}

export async function kidUrlKeys(
  kid: string,
  iss: string,
  alg: SignatureAlg,
  fetch: FetchLike,
): Promise<ResolvedKey[]> {
  const url = new URL(kid);
  const fragment = url.hash.slice(1);
  url.hash = "";
  let doc: unknown;
  try {
    doc = (
      await fetch(url.href, { accept: "application/jwk+json, application/jwk-set+json, application/json" })
    ).json();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new KeyResolutionError("unreachable", `Tessera could not fetch the key ${kid} (${reason})`, { cause });
  }
  const resolved = (material: ReturnType<typeof fromJwk>): ResolvedKey => ({
    ...material,
    keyId: kid,
    controller: iss,
    method: "issuer-url",
    assertion: true,
    facts: { keyUrl: url.href },
  });
  if (isRecord(doc) && Array.isArray(doc.keys)) {
    const byFullId = doc.keys.some((k) => isRecord(k) && k.kid === kid);
    const wanted = byFullId ? kid : fragment || undefined;
    return keysFromJwks(doc, { kid: wanted, alg }, url.href).map(({ kid: _kid, ...material }) => resolved(material));
  }
  try {
    // A single JWK: the URL names it, so its own `kid` (if any) is informational.
    if (isRecord(doc) && str(doc.alg) && doc.alg !== alg)
      throw new KeyResolutionError("not-listed", `the key at ${url.href} is for ${String(doc.alg)}, not ${alg}`);
    return [resolved(fromJwk(doc))];
  } catch (cause) {
    if (cause instanceof UnsupportedKeyError) throw new KeyResolutionError("unsupported", cause.message, { cause });
    throw cause;
  }
}
