import { createHash } from "node:crypto";
import { SDJWTException, decodeSdJwtSync, getClaimsSync } from "@sd-jwt/core";
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

const SD_HASHES: Record<string, string> = { "sha-256": "sha256", "sha-384": "sha384", "sha-512": "sha512" };

function sdHash(data: string | ArrayBuffer, alg: string): Uint8Array {
  const name = SD_HASHES[alg];
  if (!name) throw new SDJWTException(`Disallowed _sd_alg: ${alg}`);
  return new Uint8Array(
    createHash(name)
      .update(typeof data === "string" ? data : new Uint8Array(data))
      .digest(),
  );
}

function sdRefusal(error: unknown): NotACredentialError {
  const message = error instanceof Error ? error.message : "";
  // @sd-jwt/core names these problems only in its messages; each gets its own plain words here.
  if (/unreferenced disclosure/i.test(message))
    return malformed("One of the disclosed parts of this credential is not covered by the issuer's signature.");
  if (/duplicate (?:disclosure )?digest/i.test(message))
    return malformed("This credential lists the same disclosed part twice, which a genuine issuer never does.");
  if (/conflicts with/i.test(message))
    return malformed("A disclosed part of this credential would replace something the issuer signed.");
  return malformed("The disclosed parts of this credential cannot be read.");
}

/**
 * SD-JWT ("<jws>~<disclosure>~…~[<key binding jwt>]", docs/formats/sd-jwt-vc.md): the issuer's JWS
 * plus the claims the holder chose to disclose. @sd-jwt/core puts each disclosure whose digest the
 * issuer signed back in place (digests without a disclosure stay undisclosed) and refuses a
 * disclosure no digest references, a digest listed twice, and a digest algorithm that is not a real
 * hash (`_sd_alg: none`). The verifier checks the signature and all of this again.
 */
export function decodeSdJwt(text: string): { jws: DecodedJws; claims: Json } {
  const token = text.trim();
  const jws = decodeCompactJws(token.split("~")[0] ?? "");
  const alg = jws.payload._sd_alg ?? "sha-256";
  if (typeof alg !== "string" || !SD_HASHES[alg])
    throw new NotACredentialError(
      "unsupported_format",
      "This selectively disclosed credential uses a digest Tessera does not accept, so its claims prove nothing.",
    );
  let claims: unknown;
  try {
    const decoded = decodeSdJwtSync(token, sdHash);
    claims = getClaimsSync(decoded.jwt.payload, decoded.disclosures, sdHash);
  } catch (error) {
    throw sdRefusal(error);
  }
  return { jws, claims: isRecord(claims) ? claims : {} };
}
