/**
 * Status list bitstrings (W3C Bitstring Status List §4; StatusList2021 is the same encoding):
 * multibase `u` + base64url (Bitstring) or bare base64url (StatusList2021) of a GZIP stream.
 * Bit i is MSB-first: (bytes[i >> 3] >> (7 - (i & 7))) & 1. Sizes are capped before and after
 * unpacking, so a gzip bomb stops at the cap instead of filling memory (docs/threat-model.md E9).
 */
import { gunzipSync } from "node:zlib";
import { LIMITS, TooComplexError } from "../limits";

export class BitstringError extends Error {
  override readonly name = "BitstringError";
}

export function decodeEncodedList(encodedList: unknown): Uint8Array {
  if (typeof encodedList !== "string" || encodedList === "")
    throw new BitstringError("the status list has no encodedList");
  if (encodedList.length > LIMITS.maxEncodedListChars) throw new TooComplexError("the status list is too large");
  // GZIP streams start with 1f 8b, which base64url-encodes to "H4sI"; a leading "u" is the multibase prefix.
  const text = encodedList.startsWith("uH4sI") ? encodedList.slice(1) : encodedList;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) throw new BitstringError("the status list is not base64url");
  const packed = Buffer.from(text, "base64url");
  if (packed[0] !== 0x1f || packed[1] !== 0x8b) throw new BitstringError("the status list is not GZIP-compressed");
  try {
    return new Uint8Array(gunzipSync(packed, { maxOutputLength: LIMITS.maxBitstringBytes }));
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError)
      throw new TooComplexError("the status list unpacks to more than the size limit");
    throw new BitstringError("the status list could not be unpacked");
  }
}

/** Parses statusListIndex (string or number) as a non-negative safe integer. */
export function parseStatusIndex(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,15}$/.test(text)) return undefined;
  const index = Number(text);
  return Number.isSafeInteger(index) ? index : undefined;
}

/** The bit at `index`, or undefined when the index is past the end of the list. */
export function bitAt(bits: Uint8Array, index: number): boolean | undefined {
  const byte = bits[index >> 3];
  if (byte === undefined || index < 0) return undefined;
  return ((byte >> (7 - (index & 7))) & 1) === 1;
}
