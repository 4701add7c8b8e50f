import { fileTypeFromBuffer } from "file-type";
import { formatSize, InputRejectedError, isInputRejected, quoteName } from "@/lib/hostile-input/errors";
import { parseSafeJson } from "@/lib/hostile-input/safe-json";
import { readText } from "@/lib/hostile-input/text";
import { findXmlRoot, guardXmlText, localName } from "@/lib/hostile-input/xml";

/**
 * What was Tessera given? (docs/formats/detection.md#content-decides). Content decides, never the file name: files
 * without a useful extension exist (`simple.1ob`). Throws InputRejectedError for input that is
 * hostile or broken (too large, truncated JSON, a DOCTYPE); returns `unknown` for input that is
 * merely not something Tessera imports.
 */
export { MAX_ARCHIVE_BYTES, MAX_IMPORT_FILE_BYTES } from "./limits";
import { MAX_ARCHIVE_BYTES, MAX_IMPORT_FILE_BYTES } from "./limits";
const MAX_URL_LENGTH = 8_192;

export type DetectedInput =
  | { kind: "png" }
  | { kind: "svg" }
  | { kind: "zip" }
  | { kind: "pdf" }
  | { kind: "jpeg" | "gif" | "webp" }
  | { kind: "xml"; root: string }
  | { kind: "jws"; token: string }
  | { kind: "json"; value: unknown }
  | { kind: "url"; url: string }
  | { kind: "unknown"; reason: string };

const BINARY_KINDS: Record<string, DetectedInput> = {
  png: { kind: "png" },
  apng: { kind: "png" },
  jpg: { kind: "jpeg" },
  gif: { kind: "gif" },
  webp: { kind: "webp" },
  pdf: { kind: "pdf" },
  zip: { kind: "zip" },
};

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** SD-JWT: a compact JWS, `~`-separated disclosures, a closing `~`, then an optional key-binding JWT. */
const SD_JWT =
  /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:~[A-Za-z0-9_-]*)*~(?:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?$/;

const tooLarge = (size: number, zip: boolean) =>
  new InputRejectedError(
    "too_large",
    zip
      ? `This archive is ${formatSize(size)}; Tessera accepts archives up to ${formatSize(MAX_ARCHIVE_BYTES)}.`
      : `This file is ${formatSize(size)}; Tessera accepts files up to ${formatSize(MAX_IMPORT_FILE_BYTES)}.`,
  );

// Local file header, empty archive, spanned archive. We stop at "zip": file-type would walk a
// hostile archive's entries to tell a .docx from an .epub, which we never need.
export const isZipArchive = (b: Uint8Array) =>
  b[0] === 0x50 && b[1] === 0x4b && [0x0304, 0x0506, 0x0708].includes(((b[2] ?? 0) << 8) | (b[3] ?? 0));

const hasTextBom = (b: Uint8Array) =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) ||
  (b[0] === 0xff && b[1] === 0xfe) ||
  (b[0] === 0xfe && b[1] === 0xff);

function decode(bytes: Uint8Array): string | null {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  try {
    // Windows PowerShell writes UTF-16 by default; everything else must be UTF-8.
    return utf16 ? new TextDecoder(utf16, { fatal: true }).decode(bytes) : readText(bytes, MAX_IMPORT_FILE_BYTES);
  } catch (error) {
    if (isInputRejected(error) && error.reason !== "not_text") throw error;
    return null;
  }
}

function detectXml(text: string): DetectedInput {
  if (/^<!doctype\s+html/i.test(text))
    return { kind: "unknown", reason: "This is a web page (HTML), not a credential." };
  const cleaned = guardXmlText(text, /<(?:svg:)?svg[\s/>]/.test(text) ? "svg" : "xml");
  const root = findXmlRoot(cleaned);
  if (!root) return { kind: "unknown", reason: "This looks like XML but Tessera could not find its root element." };
  const local = localName(root);
  if (local.toLowerCase() === "html")
    return { kind: "unknown", reason: "This is a web page (HTML), not a credential." };
  return local === "svg" ? { kind: "svg" } : { kind: "xml", root: local };
}

function isHttpUrl(text: string): boolean {
  if (text.length > MAX_URL_LENGTH || !/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    return Boolean(new URL(text).hostname);
  } catch {
    return false;
  }
}

export async function detectInput(bytes: Uint8Array, filenameHint?: string): Promise<DetectedInput> {
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) throw tooLarge(bytes.byteLength, isZipArchive(bytes));
  if (bytes.byteLength === 0) return { kind: "unknown", reason: "The file is empty." };
  if (isZipArchive(bytes)) return { kind: "zip" };
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw tooLarge(bytes.byteLength, false);

  // A byte order mark means text; FF FE would otherwise sniff as MPEG audio.
  const type = hasTextBom(bytes) ? undefined : await fileTypeFromBuffer(bytes);
  if (type && type.ext !== "xml") {
    return (
      BINARY_KINDS[type.ext] ?? {
        kind: "unknown",
        reason: `This is a ${type.ext.toUpperCase()} file (${type.mime}), not a credential Tessera can import.`,
      }
    );
  }
  const text = decode(bytes)?.trim();
  if (text === undefined)
    return unknown(filenameHint, "it is neither text nor an image, PDF or zip archive Tessera knows");
  if (text === "") return { kind: "unknown", reason: "The file contains only blank space." };
  if (text.startsWith("{") || text.startsWith("["))
    return { kind: "json", value: parseSafeJson(text, { maxBytes: MAX_IMPORT_FILE_BYTES }) };
  if (text.startsWith("<")) return detectXml(text);
  if (COMPACT_JWS.test(text) || SD_JWT.test(text)) return { kind: "jws", token: text };
  if (isHttpUrl(text)) return { kind: "url", url: text };
  return unknown(filenameHint, "it is not JSON, a signed credential (JWS), a web address, an image or XML");
}

function unknown(filenameHint: string | undefined, why: string): DetectedInput {
  const name = filenameHint ? `${quoteName(filenameHint)} ` : "this file ";
  return { kind: "unknown", reason: `Tessera does not recognise ${name}as a credential: ${why}.` };
}
