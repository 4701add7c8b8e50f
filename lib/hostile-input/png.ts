import { crc32, inflateSync } from "node:zlib";
import { formatSize, InputRejectedError, MB } from "./errors";

/**
 * Baked badges in PNG (docs/formats/detection.md#baked-images; docs/threat-model.md D4). We walk the chunks
 * ourselves instead of using png-chunks-extract, which trusts chunk lengths and copies every chunk.
 */
export const PNG_LIMITS = { maxBytes: 10 * MB, maxChunks: 10_000, maxTextBytes: 2 * MB } as const;

/** `openbadges`: OB 2.0/1.x; `openbadgecredential`: OB 3.0; `clrcredential`: CLR 2.0 (1EdTech validator). */
export const PNG_BADGE_KEYWORDS = ["openbadges", "openbadgecredential", "clrcredential"] as const;
export type PngBadgeKeyword = (typeof PNG_BADGE_KEYWORDS)[number];

export interface PngBadge {
  keyword: PngBadgeKeyword;
  text: string;
  /** `tEXt` is the legacy OB 0.5/1.0 form, whose text is usually a hosted-assertion URL. */
  chunkType: "iTXt" | "tEXt";
}

interface Chunk {
  type: string;
  start: number;
  end: number;
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8", { fatal: true });

const invalid = (detail: string) => new InputRejectedError("png_invalid", `This PNG image ${detail}.`);

function readChunks(png: Uint8Array, maxChunks: number): Chunk[] {
  if (png.length < 8 || SIGNATURE.some((byte, i) => png[i] !== byte)) {
    throw new InputRejectedError("png_invalid", "This file is not a PNG image.");
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let offset = 8;
  for (;;) {
    if (chunks.length >= maxChunks) {
      throw new InputRejectedError(
        "png_bomb",
        `This PNG image has more than ${maxChunks.toLocaleString("en")} chunks, which no badge needs.`,
      );
    }
    if (offset + 12 > png.length) throw invalid("is cut short (it ends before its last chunk)");
    const length = view.getUint32(offset);
    if (length > png.length - offset - 12)
      throw invalid("is cut short or damaged (a chunk claims more bytes than the file has)");
    const typeBytes = png.subarray(offset + 4, offset + 8);
    if (!typeBytes.every((b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)))
      throw invalid("is damaged (a chunk has an invalid name)");
    const end = offset + 12 + length;
    if (crc32(png.subarray(offset + 4, end - 4)) >>> 0 !== view.getUint32(end - 4))
      throw invalid("is damaged (a checksum does not match)");
    const type = latin1.decode(typeBytes);
    if (chunks.length === 0 && type !== "IHDR") throw invalid("is damaged (it does not start with a header)");
    chunks.push({ type, start: offset, end, data: png.subarray(offset + 8, end - 4) });
    if (type === "IEND") return chunks; // anything after IEND is ignored, never read
    offset = end;
  }
}

function badgeKeyword(chunk: Chunk): PngBadgeKeyword | null {
  if (chunk.type !== "iTXt" && chunk.type !== "tEXt") return null;
  const nul = chunk.data.subarray(0, 80).indexOf(0);
  if (nul < 1) return null;
  const keyword = latin1.decode(chunk.data.subarray(0, nul));
  return (PNG_BADGE_KEYWORDS as readonly string[]).includes(keyword) ? (keyword as PngBadgeKeyword) : null;
}

function readBadgeText(chunk: Chunk, keyword: PngBadgeKeyword, maxTextBytes: number): string {
  const tooLarge = () =>
    new InputRejectedError(
      "png_bomb",
      `The badge data in this PNG is larger than ${formatSize(maxTextBytes)}, which no credential needs.`,
    );
  const rest = chunk.data.subarray(keyword.length + 1);
  if (chunk.type === "tEXt") {
    if (rest.length > maxTextBytes) throw tooLarge();
    return latin1.decode(rest);
  }
  // iTXt: keyword \0 compressionFlag compressionMethod languageTag \0 translatedKeyword \0 text
  const [flag, method] = [rest[0], rest[1]];
  const languageEnd = rest.indexOf(0, 2);
  const translatedEnd = languageEnd < 0 ? -1 : rest.indexOf(0, languageEnd + 1);
  if (flag === undefined || method === undefined || flag > 1 || translatedEnd < 0)
    throw invalid("has a damaged badge chunk");
  let text = rest.subarray(translatedEnd + 1);
  if (flag === 1) {
    // The baking spec forbids compression, but decompress if set, with a hard output cap (D4).
    if (method !== 0) throw invalid("has a badge chunk with an unknown compression method");
    try {
      text = inflateSync(text, { maxOutputLength: maxTextBytes });
    } catch (error) {
      if (error instanceof RangeError) throw tooLarge();
      throw invalid("has a damaged compressed badge chunk");
    }
  } else if (text.length > maxTextBytes) throw tooLarge();
  try {
    return utf8.decode(text);
  } catch {
    throw invalid("has a badge chunk that is not valid UTF-8 text");
  }
}

/** The baked credential in a PNG, or null when it has none. */
export function extractPngBadge(png: Uint8Array, limits: Partial<typeof PNG_LIMITS> = {}): PngBadge | null {
  const { maxBytes, maxChunks, maxTextBytes } = { ...PNG_LIMITS, ...limits };
  if (png.length > maxBytes)
    throw new InputRejectedError(
      "too_large",
      `This PNG image is ${formatSize(png.length)}; Tessera accepts up to ${formatSize(maxBytes)}.`,
    );
  const badges = readChunks(png, maxChunks).flatMap((chunk) => {
    const keyword = badgeKeyword(chunk);
    return keyword ? [{ chunk, keyword }] : [];
  });
  if (badges.length > 1) {
    throw new InputRejectedError(
      "multiple_badges",
      "This PNG image contains more than one badge, so Tessera cannot tell which one is meant.",
    );
  }
  const [badge] = badges;
  if (!badge) return null;
  const text = readBadgeText(badge.chunk, badge.keyword, maxTextBytes);
  if (text.trim() === "") throw new InputRejectedError("png_no_badge", "The badge data in this PNG image is empty.");
  return { keyword: badge.keyword, text, chunkType: badge.chunk.type as PngBadge["chunkType"] };
}

/** Bake (or re-bake) a credential: one uncompressed iTXt just before IEND, any older badge chunk removed (baking spec: exactly one, no compression). */
export function bakePng(png: Uint8Array, keyword: PngBadgeKeyword, text: string): Uint8Array {
  const chunks = readChunks(png, PNG_LIMITS.maxChunks);
  const body = Buffer.concat([Buffer.from(`${keyword}\0\0\0\0\0`, "latin1"), Buffer.from(text, "utf8")]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write("iTXt", 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  const parts = chunks.flatMap((chunk) => {
    if (badgeKeyword(chunk)) return [];
    const bytes = png.subarray(chunk.start, chunk.end);
    return chunk.type === "IEND" ? [head, body, crc, bytes] : [bytes];
  });
  return new Uint8Array(Buffer.concat([png.subarray(0, 8), ...parts]));
}
