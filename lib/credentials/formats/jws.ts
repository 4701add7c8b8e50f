import { createHash } from "node:crypto";
import { base64url } from "jose";
import { parseSafeJson } from "@/lib/hostile-input/safe-json";
import { NotACredentialError } from "./errors";
import { isRecord, type Json } from "./json";

export interface DecodedJws {
  token: string;
  header: Json;
  payload: Json;
  alg: string;
}

const SEGMENT = /^[A-Za-z0-9_-]*$/;

/** Three base64url segments: the shape of a compact JWS (checked before any decoding). */
export function looksLikeCompactJws(text: string): boolean {
  const parts = text.trim().split(".");
  return parts.length === 3 && parts[0] !== "" && parts.every((p) => SEGMENT.test(p));
}

function malformed(message: string): NotACredentialError {
  return new NotACredentialError("jwt_malformed", message);
}

function decodeJson(segment: string, what: string): Json {
  let value: unknown;
  try {
    value = parseSafeJson(base64url.decode(segment));
  } catch {
    throw malformed(`The ${what} of this signed token cannot be read: it is not valid encoded JSON.`);
  }
  if (!isRecord(value)) throw malformed(`The ${what} of this signed token is not a JSON object.`);
  return value;
}

/**
 * Decodes (does not verify) a compact JWS. `alg: none` is refused here, before anything else is
 * read: an unsigned token can claim anything, and nothing downstream should ever see one.
 */
export function decodeCompactJws(token: string): DecodedJws {
  const text = token.trim();
  const parts = text.split(".");
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p)) || parts[0] === "") {
    throw malformed("This is not a complete signed token: it should have three parts separated by dots.");
  }
  const [head, body, signature] = parts as [string, string, string];
  const header = decodeJson(head, "header");
  if (typeof header.alg !== "string" || header.alg.trim() === "")
    throw malformed("This signed token does not say how it was signed.");
  if (header.alg.trim().toLowerCase() === "none") {
    throw new NotACredentialError("jwt_alg_none", "This token is unsigned (alg: none) and cannot be trusted.");
  }
  if (header.b64 === false)
    throw new NotACredentialError(
      "unsupported_format",
      "This token uses an unencoded payload, which Tessera does not read in compact form.",
    );
  if (body === "") throw malformed("This signed token is empty: it has no content.");
  if (signature === "") throw malformed("This token has no signature, so it cannot be trusted.");
  return { token: text, header, payload: decodeJson(body, "content"), alg: header.alg.trim() };
}

/** A data: URL (EnvelopedVerifiableCredential id) split into media type and decoded text. */
export function decodeDataUrl(url: string): { mediaType: string; text: string } | undefined {
  const match = /^data:([^,;]*)((?:;[^,;]*)*),(.*)$/s.exec(url.trim());
  if (!match) return undefined;
  const [, mediaType = "", params = "", data = ""] = match;
  try {
    // ";base64url" (used by the VCDM 2.0 test suite) marks content that is already a JWT's text.
    const text = /;base64(?:;|$)/i.test(params)
      ? new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(data, "base64"))
      : decodeURIComponent(data);
    return { mediaType: mediaType.toLowerCase(), text };
  } catch {
    return undefined;
  }
}

/**
 * SD-JWT ("<jws>~<disclosure>~…~[<key binding jwt>]"): the issuer's JWS plus the claims the holder
 * chose to disclose. Disclosures whose SHA-256 digest the issuer signed are put back in place;
 * digests without a disclosure are left out (undisclosed). Only the display is built here: the
 * verifier checks the JWS and recomputes the digests.
 */
export function decodeSdJwt(text: string): { jws: DecodedJws; claims: Json } {
  const [issuerJwt = "", ...rest] = text.trim().split("~");
  const jws = decodeCompactJws(issuerJwt);
  const alg = jws.payload._sd_alg ?? "sha-256";
  if (alg !== "sha-256")
    throw new NotACredentialError(
      "unsupported_format",
      "This selectively disclosed credential uses a digest Tessera does not support.",
    );
  const disclosures = new Map<string, unknown[]>();
  for (const d of rest.filter((part) => part !== "" && !part.includes("."))) {
    const digest = base64url.encode(createHash("sha256").update(d, "ascii").digest());
    let decoded: unknown;
    try {
      decoded = parseSafeJson(base64url.decode(d));
    } catch {
      throw malformed("One of the disclosed parts of this credential cannot be read.");
    }
    if (!Array.isArray(decoded) || decoded.length < 2 || decoded.length > 3)
      throw malformed("One of the disclosed parts of this credential is malformed.");
    disclosures.set(digest, decoded);
  }
  const claims = applyDisclosures(jws.payload, disclosures, 0);
  return { jws, claims: isRecord(claims) ? claims : {} };
}

function applyDisclosures(value: unknown, disclosures: Map<string, unknown[]>, depth: number): unknown {
  if (depth > 32) return undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (isRecord(item) && typeof item["..."] === "string" && Object.keys(item).length === 1) {
        const d = disclosures.get(item["..."]);
        if (d?.length === 2) out.push(applyDisclosures(d[1], disclosures, depth + 1));
      } else out.push(applyDisclosures(item, disclosures, depth + 1));
    }
    return out;
  }
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value))
    if (key !== "_sd" && key !== "_sd_alg") out[key] = applyDisclosures(v, disclosures, depth + 1);
  for (const digest of Array.isArray(value._sd) ? value._sd : []) {
    const d = typeof digest === "string" ? disclosures.get(digest) : undefined;
    if (d?.length === 3 && typeof d[1] === "string" && !(d[1] in out) && d[1] !== "__proto__")
      out[d[1]] = applyDisclosures(d[2], disclosures, depth + 1);
  }
  return out;
}
