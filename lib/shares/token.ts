import { createHash, randomBytes } from "node:crypto";

/**
 * Share tokens (docs/threat-model.md F1): 32 random bytes (256 bits, well past the 128 asked for) from
 * the CSPRNG, base64url, behind a short prefix that says what the string is ("tsv_": Tessera
 * share view) so a leaked one is recognisable in logs and secret scanners. Only the SHA-256 of
 * the whole string is stored; a fast hash is enough for a secret with this much entropy
 * (ASVS 6.5.2 by analogy, docs/threat-model.md F1).
 */
export const SHARE_TOKEN_PREFIX = "tsv_";
export const SHARE_TOKEN_BYTES = 32;
const ENCODED_LENGTH = Math.ceil((SHARE_TOKEN_BYTES * 8) / 6);
const SHAPE = new RegExp(`^${SHARE_TOKEN_PREFIX}[A-Za-z0-9_-]{${ENCODED_LENGTH}}$`);
/** Characters of the token kept as its hint: the prefix and 6 characters (36 of 256 bits). */
const HINT_LENGTH = SHARE_TOKEN_PREFIX.length + 6;
/** Anything longer is hashed as this constant, so a huge path costs no more than a short one. */
const MAX_INPUT_LENGTH = 256;

export function mintShareToken(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(SHARE_TOKEN_BYTES);
  if (bytes.byteLength !== SHARE_TOKEN_BYTES) throw new Error("share token: wrong number of random bytes");
  return `${SHARE_TOKEN_PREFIX}${Buffer.from(bytes).toString("base64url")}`;
}

/** The random bytes of a well-formed token (canonical base64url only), or null. */
export function decodeShareToken(token: string): Uint8Array | null {
  if (!SHAPE.test(token)) return null;
  const body = token.slice(SHARE_TOKEN_PREFIX.length);
  const bytes = Buffer.from(body, "base64url");
  // Reject non-canonical spellings (stray low bits in the last character): one token, one string.
  if (bytes.byteLength !== SHARE_TOKEN_BYTES || bytes.toString("base64url") !== body) return null;
  return new Uint8Array(bytes);
}

/**
 * The lookup key for any string a visitor puts in the URL. Malformed input is hashed too, and the
 * caller queries with it all the same: a malformed token and an unknown one take the same path
 * and get the same answer (docs/threat-model.md F2).
 */
export function hashShareToken(token: string): string {
  const input = token.length > MAX_INPUT_LENGTH ? "\u0000too-long" : token;
  return createHash("sha256").update(input, "utf8").digest("hex");
}

export function shareTokenHint(token: string): string {
  return token.slice(0, HINT_LENGTH);
}
