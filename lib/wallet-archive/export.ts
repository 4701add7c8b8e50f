import "server-only";
import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { Database } from "@/db/client";
import packageJson from "@/package.json" with { type: "json" };
import { credentialLines, fileBytes, planWalletExport, type FileTable, type StoredFile } from "./export-data";
import {
  APP_NAME,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  CREDENTIALS_ENTRY,
  credentialKey,
  evidenceEntry,
  imageEntry,
  MANIFEST_ENTRY,
  originalEntry,
  WALLET_ENTRY,
} from "./format";
import type { Manifest } from "./schemas";

export interface WalletExport {
  /** Exactly the number of bytes `stream` produces (every entry is stored, with a known size). */
  totalBytes: number;
  stream: Readable;
  manifest: Manifest;
  filename: string;
}

export interface ExportOptions {
  now?: Date;
  /** Credential records read per query. */
  recordBatch?: number;
  /** Bytes of files (originals, evidence, images) held in memory at once, at most (one file may exceed it alone). */
  fileBatchBytes?: number;
  /**
   * The holder's export passphrase (checked by checkExportPassphrase): only with one does the
   * archive carry the wallet DIDs' private keys, as a password-based JWE.
   */
  passphrase?: string;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const CHANGED = "The wallet changed while it was being exported. Try the export again.";

/**
 * The holder's whole wallet as one zip, streamed: records are read in batches (twice: once to learn
 * the size and hash the manifest states, once to send), files in batches bounded by bytes, so
 * memory stays flat however large the wallet. Anything that changes between planning and sending
 * fails the stream rather than producing an archive whose manifest lies.
 */
export async function exportWallet(
  db: Database,
  holderId: string,
  { now = new Date(), recordBatch = 250, fileBatchBytes = 16 * 1024 * 1024, passphrase }: ExportOptions = {},
): Promise<WalletExport> {
  const plan = await planWalletExport(db, holderId, passphrase);
  const keyOf = new Map(plan.credentialIds.map((id, i) => [id, credentialKey(i)]));
  const originalShaOf = new Map(plan.originals.map((o) => [o.id, o.sha256]));

  async function* jsonl(): AsyncGenerator<Buffer> {
    for (let i = 0; i < plan.credentialIds.length; i += recordBatch) {
      const lines = await credentialLines(
        db,
        holderId,
        plan.credentialIds.slice(i, i + recordBatch),
        (id) => keyOf.get(id) ?? "c0",
        originalShaOf,
      );
      yield Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join(""), "utf8");
    }
  }
  const first = createHash("sha256");
  let jsonlSize = 0;
  for await (const chunk of jsonl()) {
    first.update(chunk);
    jsonlSize += chunk.length;
  }
  const jsonlSha = first.digest("hex");
  const walletJson = Buffer.from(JSON.stringify(plan.wallet), "utf8");

  const files: { name: string; table: FileTable; file: StoredFile }[] = [
    ...plan.originals.map((file) => ({ name: originalEntry(file.sha256), table: "originals" as const, file })),
    ...plan.evidence.map((file) => ({ name: evidenceEntry(file.sha256), table: "evidence" as const, file })),
    ...plan.images.map((file) => ({ name: imageEntry(file.sha256), table: "images" as const, file })),
  ];
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: now.toISOString(),
    app: { name: APP_NAME, version: packageJson.version },
    counts: {
      credentials: plan.credentialIds.length,
      originals: plan.originals.length,
      evidence: plan.wallet.evidence.length,
      images: plan.wallet.images.length,
      collections: plan.wallet.collections.length,
      goals: plan.wallet.goals.length,
      follows: plan.wallet.follows.length,
      shares: plan.wallet.shares.length,
      cpdProfiles: plan.wallet.cpd?.profiles.length ?? 0,
      cpdCycles: plan.wallet.cpd?.cycles.length ?? 0,
      cpdActivities: plan.wallet.cpd?.activities.length ?? 0,
      emails: plan.wallet.identities?.emails.length ?? 0,
      dids: plan.wallet.identities?.dids.length ?? 0,
    },
    entries: [
      { name: CREDENTIALS_ENTRY, size: jsonlSize, sha256: jsonlSha },
      { name: WALLET_ENTRY, size: walletJson.length, sha256: sha256(walletJson) },
      ...files.map(({ name, file }) => ({ name, size: file.size, sha256: file.sha256 })),
    ],
  };

  const zip = new ZipFile();
  const output = new PassThrough();
  zip.on("error", (error: Error) => output.destroy(error));
  zip.outputStream.pipe(output);
  const entryOptions = { mtime: now, compress: false, forceDosTimestamp: false } as const;
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2), "utf8"), MANIFEST_ENTRY, entryOptions);
  zip.addBuffer(walletJson, WALLET_ENTRY, entryOptions);

  zip.addReadStreamLazy(CREDENTIALS_ENTRY, { ...entryOptions, size: jsonlSize }, (callback) => {
    const second = createHash("sha256");
    const stream = Readable.from(
      (async function* () {
        for await (const chunk of jsonl()) {
          second.update(chunk);
          yield chunk;
        }
        if (second.digest("hex") !== jsonlSha) throw new Error(CHANGED);
      })(),
    );
    // yazl pipes the stream without listening for its errors: report them on the zip.
    stream.on("error", (error) => zip.emit("error", error));
    callback(null, stream);
  });

  const loader = batchLoader(db, holderId, files, fileBatchBytes);
  files.forEach(({ name, file }, index) => {
    zip.addReadStreamLazy(name, { ...entryOptions, size: file.size }, (callback) => {
      loader(index).then(
        (bytes) =>
          bytes && bytes.byteLength === file.size && sha256(bytes) === file.sha256
            ? callback(null, Readable.from([Buffer.from(bytes)]))
            : callback(new Error(CHANGED), new PassThrough()),
        (error: unknown) => callback(error, new PassThrough()),
      );
    });
  });

  const totalBytes = await new Promise<number>((resolve) => {
    // @types/yazl declares the callback without its argument.
    (zip.end as (options: object, callback: (size: number) => void) => void).call(
      zip,
      { forceZip64Format: false },
      resolve,
    );
  });
  return { totalBytes, stream: output, manifest, filename: `tessera-wallet-${now.toISOString().slice(0, 10)}.zip` };
}

/** Loads files in groups of about `maxBytes`, in archive order; only one group is held at a time. */
function batchLoader(
  db: Database,
  holderId: string,
  files: { table: FileTable; file: StoredFile }[],
  maxBytes: number,
) {
  const groupOf: number[] = [];
  const groups: number[][] = [];
  let bytes = Infinity;
  files.forEach(({ table, file }, index) => {
    const previous = groups.at(-1);
    if (!previous || bytes + file.size > maxBytes || files[previous[0]!]!.table !== table) {
      groups.push([index]);
      bytes = 0;
    } else previous.push(index);
    bytes += file.size;
    groupOf[index] = groups.length - 1;
  });
  let loaded: { group: number; bytes: Map<string, Uint8Array> } | undefined;
  return async (index: number): Promise<Uint8Array | undefined> => {
    const group = groupOf[index]!;
    if (loaded?.group !== group) {
      const members = groups[group]!.map((i) => files[i]!);
      loaded = {
        group,
        bytes: await fileBytes(
          db,
          holderId,
          members[0]!.table,
          members.map((m) => m.file.id),
        ),
      };
    }
    return loaded.bytes.get(files[index]!.file.id);
  };
}
