import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Database } from "@/db/client";
import { makeZip, type ZipInput } from "@/testkit/hostile-input/builders";
import { readZipEntries } from "@/lib/hostile-input/zip";
import { exportWallet, type ExportOptions } from "@/lib/wallet-archive/export";
import { MANIFEST_ENTRY } from "@/lib/wallet-archive/format";
import type { Manifest } from "@/lib/wallet-archive/schemas";

/** Test and benchmark helpers: archives as bytes, unpacked, edited and repacked. */

export async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

export async function exportBytes(db: Database, holderId: string, options: ExportOptions = {}) {
  const result = await exportWallet(db, holderId, options);
  return { ...result, bytes: await collect(result.stream) };
}

export async function unpack(archive: Uint8Array): Promise<Map<string, Buffer>> {
  const entries = await readZipEntries(archive, {
    keepAll: true,
    limits: {
      maxEntries: 20_000,
      maxEntryBytes: 400 * 1024 * 1024,
      maxTotalBytes: 800 * 1024 * 1024,
      maxArchiveBytes: 400 * 1024 * 1024,
    },
  });
  return new Map(entries.map((e) => [e.name, Buffer.from(e.bytes)]));
}

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

export function manifestOf(entries: Map<string, Buffer>): Manifest {
  return JSON.parse(entries.get(MANIFEST_ENTRY)!.toString("utf8")) as Manifest;
}

/**
 * Zips entries again. With `rehash` the manifest is rewritten to match the entries (a consistent
 * but edited archive, to test what lies beyond the manifest check); without it, as given.
 */
export async function repack(
  entries: Map<string, Buffer>,
  {
    rehash = true,
    extra = [] as ZipInput[],
    edit,
  }: { rehash?: boolean; extra?: ZipInput[]; edit?: (manifest: Manifest) => void } = {},
): Promise<Buffer> {
  const files = new Map(entries);
  if (rehash || edit) {
    const manifest = manifestOf(files);
    if (rehash)
      manifest.entries = [...files]
        .filter(([name]) => name !== MANIFEST_ENTRY)
        .map(([name, data]) => ({ name, size: data.length, sha256: sha256(data) }));
    edit?.(manifest);
    files.set(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)));
  }
  return makeZip([...[...files].map(([name, data]) => ({ name, data, compress: false })), ...extra]);
}

export const lines = (jsonl: Buffer) =>
  jsonl
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

export const toJsonl = (rows: unknown[]) => Buffer.from(rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
