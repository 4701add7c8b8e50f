/**
 * Compact JWS parsing and the algorithm allowlist. Keys never come from the token's own header
 * (`jwk`, `jku`, `x5u`): those are recorded as ignored so a forged header cannot pick the key that
 * checks it (docs/threat-model.md E8). An `x5c` certificate is a key only as keys/jose-issuer-keys.ts
 * allows (its owner proven by a trust list, or reported as unproven). `alg: none` and HMAC are
 * refused before any key is touched.
 */
import { LIMITS } from "../limits";
import { isRecord, type Json } from "../json";
import type { SignatureAlg } from "../keys/signature";

export interface CompactJws {
  header: Json;
  payload: Json;
  signingInput: Buffer;
  signature: Buffer;
}

export class MalformedJwsError extends Error {
  override readonly name = "MalformedJwsError";
}

const B64URL = /^[A-Za-z0-9_-]+$/;
// An empty signature is allowed through parsing so that `alg: none` is refused as such (failed).
const B64URL_OR_EMPTY = /^[A-Za-z0-9_-]*$/;

function decodeJson(segment: string, what: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    throw new MalformedJwsError(`the token's ${what} is not JSON`);
  }
  if (!isRecord(value)) throw new MalformedJwsError(`the token's ${what} is not a JSON object`);
  return value;
}

export function parseCompactJws(token: string): CompactJws {
  const text = token.trim();
  if (text.length > LIMITS.maxTokenChars) throw new MalformedJwsError("the token is too large");
  const parts = text.split(".");
  const [h = "", p = "", s = ""] = parts;
  if (parts.length !== 3 || !B64URL.test(h) || !B64URL.test(p) || !B64URL_OR_EMPTY.test(s))
    throw new MalformedJwsError("not a compact JWS");
  return {
    header: decodeJson(h, "header"),
    payload: decodeJson(p, "content"),
    signingInput: Buffer.from(`${h}.${p}`, "ascii"),
    signature: Buffer.from(s, "base64url"),
  };
}

/** Every JOSE algorithm Tessera accepts for credentials and the documents that vouch for them. */
export const JOSE_ALGS: ReadonlyArray<SignatureAlg> = ["EdDSA", "ES256", "ES384", "ES512", "PS256", "RS256"];

export function allowedAlg(alg: unknown, allowed: ReadonlyArray<SignatureAlg>): SignatureAlg | undefined {
  return typeof alg === "string" && (allowed as readonly string[]).includes(alg) ? (alg as SignatureAlg) : undefined;
}

/** Header members that name a key or where to fetch one and were not used; reported in details. */
export function ignoredKeyHints(header: Json, used: ReadonlyArray<string> = []): string | undefined {
  const hints = ["jwk", "jku", "x5u", "x5c"].filter((k) => header[k] !== undefined && !used.includes(k));
  return hints.length > 0 ? hints.join(", ") : undefined;
}

export function disallowedAlgReason(alg: unknown): string {
  const name = typeof alg === "string" ? alg : "missing";
  return `The credential's signature uses an algorithm Tessera does not accept (${name}), so it proves nothing.`;
}
