import { crc32 } from "node:zlib";
import { fromBufferPromise, type Entry, type ZipFile } from "yauzl";
import { formatSize, InputRejectedError, isInputRejected, MB, quoteName } from "./errors";

/**
 * Bulk-import archives (docs/threat-model.md D3). Read entirely in memory, never written to disk, never
 * recursed into: a zip inside a zip comes back as bytes for the caller to judge. Every cap is
 * enforced on the bytes actually inflated, not on what the headers claim.
 */
export const ZIP_LIMITS = {
  maxArchiveBytes: 200 * MB,
  maxEntries: 1_000,
  maxEntryBytes: 10 * MB,
  maxTotalBytes: 200 * MB,
  maxRatio: 100,
  /** Small, very repetitive files (an SVG, padded JSON) may legitimately exceed the ratio. */
  ratioGraceBytes: 1 * MB,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

export interface ZipEntryData {
  name: string;
  bytes: Uint8Array;
}

export interface ZipReadOptions {
  limits?: Partial<ZipLimits>;
  /** Called after each file is read: (1-based index, number of files to read). */
  onProgress?: (index: number, total: number) => void;
  /** Yield folders, `__MACOSX/` and dotfiles too, for a caller that refuses anything it did not expect (wallet restore). */
  keepAll?: boolean;
}

const bomb = (detail: string) => new InputRejectedError("zip_bomb", `This archive ${detail}, so Tessera refuses it.`);
const unsafe = (detail: string) =>
  new InputRejectedError("zip_unsafe_name", `This archive ${detail}, so Tessera refuses it.`);

function fromYauzlError(error: unknown): InputRejectedError {
  if (isInputRejected(error)) return error;
  const message = error instanceof Error ? error.message : "";
  if (/absolute path|invalid relative path|invalid characters in fileName/.test(message)) {
    return unsafe("contains a file whose name is an absolute path, goes up with “..”, or uses a backslash");
  }
  if (/encrypt/i.test(message))
    return new InputRejectedError("unsupported", "This archive is password-protected; Tessera cannot read it.");
  if (/too many bytes|too few bytes/.test(message))
    return bomb("contains a file whose real size differs from the size it declares");
  return new InputRejectedError("zip_invalid", "This zip archive is damaged or is not a zip archive.");
}

/** Walks the central directory only: names, types, declared sizes and layout, before anything is inflated. */
async function listEntries(zip: ZipFile, limits: ZipLimits, keepAll = false): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new InputRejectedError(
      "zip_too_many_entries",
      `This archive holds ${zip.entryCount.toLocaleString("en")} entries; Tessera reads at most ${limits.maxEntries.toLocaleString("en")}.`,
    );
  }
  const all: Entry[] = [];
  const kept: Entry[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  for await (const entry of zip.eachEntry()) {
    const name = entry.fileName;
    all.push(entry);
    if (/[\p{Cc}]/u.test(name)) throw unsafe("contains a file name with control characters");
    if (((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000)
      throw unsafe(`contains a symbolic link (${quoteName(name)})`);
    if (
      !keepAll &&
      (name.endsWith("/") || name.startsWith("__MACOSX/") || name.split("/").some((part) => part.startsWith(".")))
    )
      continue;
    const key = name.normalize("NFC").toLowerCase(); // as a case-insensitive file system would see it
    if (seen.has(key)) throw unsafe(`contains two files named ${quoteName(name)}`);
    seen.add(key);
    if (entry.isEncrypted())
      throw new InputRejectedError("unsupported", "This archive is password-protected; Tessera cannot read it.");
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new InputRejectedError(
        "unsupported",
        `This archive uses a compression method Tessera cannot read (for ${quoteName(name)}).`,
      );
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw bomb(
        `contains ${quoteName(name)}, which is ${formatSize(entry.uncompressedSize)} (each file may be up to ${formatSize(limits.maxEntryBytes)})`,
      );
    }
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) throw bomb(`expands to more than ${formatSize(limits.maxTotalBytes)}`);
    kept.push(entry);
  }
  // Overlapping entries (several names sharing one compressed stream) are how non-recursive zip bombs
  // multiply their output; a local header is at least 30 bytes plus the name.
  const byOffset = [...all].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1]!;
    if (
      previous.relativeOffsetOfLocalHeader + 30 + previous.fileNameLength + previous.compressedSize >
      byOffset[i]!.relativeOffsetOfLocalHeader
    ) {
      throw bomb("contains files that overlap each other");
    }
  }
  return kept;
}

async function readEntry(zip: ZipFile, entry: Entry, limits: ZipLimits, totalSoFar: number): Promise<Uint8Array> {
  const name = quoteName(entry.fileName);
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > entry.uncompressedSize) throw bomb(`contains ${name}, which holds more data than it declares`);
    if (size > limits.ratioGraceBytes && size > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      throw bomb(`contains ${name}, which expands more than ${limits.maxRatio} times`);
    }
    if (totalSoFar + size > limits.maxTotalBytes)
      throw bomb(`expands to more than ${formatSize(limits.maxTotalBytes)}`);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  if (crc32(bytes) >>> 0 !== entry.crc32 >>> 0) {
    throw new InputRejectedError("zip_invalid", `This zip archive is damaged (${name} does not match its checksum).`);
  }
  return bytes;
}

/** Files in archive order, skipping folders, `__MACOSX/` and dotfiles. Refuses the whole archive on any hazard. */
export async function* iterateZipEntries(
  bytes: Uint8Array,
  options: ZipReadOptions = {},
): AsyncGenerator<ZipEntryData> {
  const limits = { ...ZIP_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxArchiveBytes) {
    throw new InputRejectedError(
      "too_large",
      `This archive is ${formatSize(bytes.byteLength)}; Tessera accepts archives up to ${formatSize(limits.maxArchiveBytes)}.`,
    );
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(buffer, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: true,
      decodeStrings: true,
    });
  } catch (error) {
    throw fromYauzlError(error);
  }
  try {
    const entries = await listEntries(zip, limits, options.keepAll).catch((error: unknown) =>
      Promise.reject(fromYauzlError(error)),
    );
    let total = 0;
    for (const [index, entry] of entries.entries()) {
      const data = await readEntry(zip, entry, limits, total).catch((error: unknown) =>
        Promise.reject(fromYauzlError(error)),
      );
      total += data.byteLength;
      options.onProgress?.(index + 1, entries.length);
      yield { name: entry.fileName, bytes: data };
    }
  } finally {
    zip.close();
  }
}

/** All files at once; `onEntry` sees each as soon as it is read (e.g. to start parsing early). */
export async function readZipEntries(
  bytes: Uint8Array,
  options: ZipReadOptions & { onEntry?: (entry: ZipEntryData, index: number) => void | Promise<void> } = {},
): Promise<ZipEntryData[]> {
  const entries: ZipEntryData[] = [];
  for await (const entry of iterateZipEntries(bytes, options)) {
    await options.onEntry?.(entry, entries.length);
    entries.push(entry);
  }
  return entries;
}
