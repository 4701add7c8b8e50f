/**
 * Test-only builders for hostile containers (docs/threat-model.md D3–D5). Everything is generated here;
 * no external sample file is read by the unit tests.
 */
import { constants, crc32, deflateRawSync, deflateSync } from "node:zlib";
import { ZipFile } from "yazl";
import { InputRejectedError } from "@/lib/hostile-input/errors";

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Uint8Array | string, options: { badCrc?: boolean } = {}): Buffer {
  const body = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data);
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "latin1");
  body.copy(out, 8);
  const crc = crc32(out.subarray(4, 8 + body.length)) >>> 0;
  out.writeUInt32BE(options.badCrc ? crc ^ 1 : crc, 8 + body.length);
  return out;
}

export function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, adaptive filter, no interlace
  return pngChunk("IHDR", data);
}

/** A valid 1×1 grey PNG with the given chunks between IHDR and IDAT. */
export function makePng(extra: Buffer[] = [], size = { width: 1, height: 1 }): Buffer {
  const idat = pngChunk("IDAT", deflateSync(Buffer.from([0, 0x80])));
  return Buffer.concat([PNG_SIGNATURE, ihdr(size.width, size.height), ...extra, idat, pngChunk("IEND", "")]);
}

export function iTXt(keyword: string, text: string | Buffer, compressed = false): Buffer {
  const body = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const head = Buffer.from(`${keyword}\0${compressed ? "\x01" : "\0"}\0\0\0`, "latin1");
  return pngChunk("iTXt", Buffer.concat([head, compressed && typeof text === "string" ? deflateSync(body) : body]));
}

export const tEXt = (keyword: string, text: string) => pngChunk("tEXt", `${keyword}\0${text}`);

/**
 * A valid zlib stream of `total` zero bytes (a multiple of 1 MiB) without allocating it: one
 * full-flushed 1 MiB segment repeated (each is byte-aligned and self-contained), a final empty
 * block, and the Adler-32 of n zeros, which is (n mod 65521) << 16 | 1.
 */
export function zlibZeros(total: number): Buffer {
  const segment = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0, 0);
  const segments = new Array<Buffer>(total / (1024 * 1024)).fill(segment);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...segments, Buffer.from([0x03, 0x00]), adler]);
}

export interface ZipInput {
  name: string;
  data: Buffer | string;
  compress?: boolean;
  mode?: number;
  directory?: boolean;
}

export async function makeZip(entries: ZipInput[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if (entry.directory) zip.addEmptyDirectory(entry.name);
    else
      zip.addBuffer(Buffer.from(entry.data), entry.name, {
        compress: entry.compress ?? true,
        ...(entry.mode ? { mode: entry.mode } : {}),
      });
  }
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

/** Offsets of the central directory record of each entry called `name`. */
export function centralRecords(zip: Buffer, name: string): number[] {
  const found: number[] = [];
  for (let i = zip.indexOf("PK\x01\x02", 0, "latin1"); i >= 0; i = zip.indexOf("PK\x01\x02", i + 4, "latin1")) {
    const length = zip.readUInt16LE(i + 28);
    if (zip.toString("latin1", i + 46, i + 46 + length) === name) found.push(i);
  }
  return found;
}

/** Rename in place (same length), in local and central headers, past the writer's own name checks. */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error("same length only");
  const out = Buffer.from(zip);
  for (let i = out.indexOf(from, 0, "latin1"); i >= 0; i = out.indexOf(from, i + 1, "latin1"))
    out.write(to, i, "latin1");
  return out;
}

/** The refusal a hostile input must produce (a typed error, never a crash or a pass). */
export function refusal(run: () => unknown): InputRejectedError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputRejectedError) return error;
    throw error;
  }
  throw new Error("expected the input to be refused");
}

export async function refusalOf(run: () => Promise<unknown>): Promise<InputRejectedError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputRejectedError) return error;
    throw error;
  }
  throw new Error("expected the input to be refused");
}
