import { formatSize, InputRejectedError } from "./errors";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Bytes (or a string) to text under a size cap, checked before decoding. A UTF-8 byte order mark is
 * dropped (some Windows tools write one); invalid UTF-8 is refused rather than replaced, so what we
 * parse is exactly what the file says.
 */
export function readText(input: string | Uint8Array, maxBytes: number, what = "file"): string {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size > maxBytes) {
    throw new InputRejectedError(
      "too_large",
      `This ${what} is ${formatSize(size)}; Tessera accepts up to ${formatSize(maxBytes)}.`,
    );
  }
  if (typeof input === "string") return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return utf8.decode(input); // TextDecoder consumes a leading BOM by default
  } catch {
    throw new InputRejectedError("not_text", `This ${what} is not readable text (it is not valid UTF-8).`);
  }
}
