import { createHash } from "node:crypto";
import type { z } from "zod";
import { isInputRejected, quoteName } from "@/lib/hostile-input/errors";
import { parseSafeJson } from "@/lib/hostile-input/safe-json";
import { readZipEntries } from "@/lib/hostile-input/zip";
import { altered, refuse, restoreRefused } from "./errors";
import {
  ARCHIVE_FORMAT_VERSION,
  CREDENTIALS_ENTRY,
  MANIFEST_ENTRY,
  RESTORE_LIMITS,
  WALLET_ENTRY,
  type RestoreLimits,
} from "./format";
import {
  credentialLineSchema,
  manifestHeadSchema,
  manifestSchema,
  walletDocumentSchema,
  type CredentialLine,
  type Manifest,
  type WalletDocument,
} from "./schemas";

export interface WalletArchive {
  manifest: Manifest;
  credentials: CredentialLine[];
  wallet: WalletDocument;
  /** Entry bytes by name, each already checked against the manifest. */
  files: Map<string, Uint8Array>;
}

const NOTHING = "Nothing was restored.";
const FILE_ENTRY = /^(originals|evidence|images)\/([0-9a-f]{64})$/;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "(top)"}: ${issue.message}` : "invalid";
}

function json(bytes: Uint8Array | string, what: string, maxBytes: number): unknown {
  try {
    return parseSafeJson(bytes, { maxBytes, maxDepth: 80, maxValues: 50_000_000 });
  } catch (error) {
    if (isInputRejected(error)) refuse(`${what} cannot be read: ${error.message} ${NOTHING}`);
    throw error;
  }
}

/**
 * Reads and checks a wallet archive without touching the database (docs/threat-model.md G2): zip hazards
 * (zip.ts caps), the format version, every entry against the manifest (no unlisted, missing,
 * resized or re-hashed entry), strict schemas, and every reference between rows resolving inside
 * the archive. Any problem refuses the whole archive with a reason.
 */
export async function readWalletArchive(
  bytes: Uint8Array,
  limits: RestoreLimits = RESTORE_LIMITS,
): Promise<WalletArchive> {
  let entries: { name: string; bytes: Uint8Array }[];
  try {
    entries = await readZipEntries(bytes, {
      keepAll: true,
      limits: {
        maxArchiveBytes: limits.maxArchiveBytes,
        maxEntries: limits.maxEntries,
        maxEntryBytes: limits.maxDocumentBytes,
        maxTotalBytes: limits.maxTotalBytes,
        maxRatio: limits.maxRatio,
      },
    });
  } catch (error) {
    if (isInputRejected(error)) refuse(`${error.message} ${NOTHING}`);
    throw error;
  }
  const byName = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (byName.has(entry.name)) refuse(`The archive holds two entries named ${quoteName(entry.name)}. ${NOTHING}`);
    byName.set(entry.name, entry.bytes);
  }
  const manifestBytes = byName.get(MANIFEST_ENTRY);
  if (!manifestBytes) return refuse(`This is not a Tessera wallet export: it has no ${MANIFEST_ENTRY}. ${NOTHING}`);
  const manifest = readManifest(manifestBytes);

  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    if (entry.name === MANIFEST_ENTRY || listed.has(entry.name))
      refuse(`The manifest lists ${quoteName(entry.name)} twice. ${NOTHING}`);
    listed.add(entry.name);
    if (entry.name !== CREDENTIALS_ENTRY && entry.name !== WALLET_ENTRY && !FILE_ENTRY.test(entry.name))
      refuse(`The manifest lists ${quoteName(entry.name)}, which is not part of a wallet archive. ${NOTHING}`);
    const data = byName.get(entry.name);
    if (!data) throw altered(entry.name, "is listed in the manifest but missing from the archive");
    if (data.byteLength !== entry.size) throw altered(entry.name, "does not have the size its manifest states");
    if (sha256(data) !== entry.sha256) throw altered(entry.name, "does not match its SHA-256 in the manifest");
    const file = FILE_ENTRY.exec(entry.name);
    if (file && file[2] !== entry.sha256) throw altered(entry.name, "is not named by the SHA-256 of its bytes");
    if (file && data.byteLength > limits.maxFileBytes)
      refuse(`${quoteName(entry.name)} is larger than any file Tessera imports. ${NOTHING}`);
  }
  for (const name of byName.keys()) {
    if (name !== MANIFEST_ENTRY && !listed.has(name)) throw altered(name, "is in the archive but not in its manifest");
  }
  if (!byName.has(CREDENTIALS_ENTRY) || !byName.has(WALLET_ENTRY))
    refuse(`The archive lacks ${CREDENTIALS_ENTRY} or ${WALLET_ENTRY}. ${NOTHING}`);

  const walletParsed = walletDocumentSchema.safeParse(
    json(byName.get(WALLET_ENTRY)!, WALLET_ENTRY, limits.maxDocumentBytes),
  );
  if (!walletParsed.success)
    return refuse(`${WALLET_ENTRY} is not valid (${firstIssue(walletParsed.error)}). ${NOTHING}`);
  const credentials = readCredentialLines(byName.get(CREDENTIALS_ENTRY)!, limits);
  if (manifest.counts.credentials !== undefined && manifest.counts.credentials !== credentials.length) {
    throw altered(
      CREDENTIALS_ENTRY,
      `holds ${credentials.length} credentials where the manifest counts ${manifest.counts.credentials}`,
    );
  }
  const files = new Map([...byName].filter(([name]) => FILE_ENTRY.test(name)));
  return { manifest, credentials, wallet: walletParsed.data, files };
}

function readManifest(bytes: Uint8Array): Manifest {
  const raw = json(bytes, MANIFEST_ENTRY, 16 * 1024 * 1024);
  const head = manifestHeadSchema.safeParse(raw);
  if (!head.success)
    return refuse(`This is not a Tessera wallet export (its manifest does not name the format). ${NOTHING}`);
  if (head.data.formatVersion > ARCHIVE_FORMAT_VERSION) {
    refuse(
      `This archive was made by a newer version of Tessera (wallet format ${head.data.formatVersion}); this Tessera reads formats up to ${ARCHIVE_FORMAT_VERSION}. Update Tessera, then restore again. ${NOTHING}`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return refuse(`The manifest is not valid (${firstIssue(parsed.error)}). ${NOTHING}`);
  return parsed.data;
}

function readCredentialLines(bytes: Uint8Array, limits: RestoreLimits): CredentialLine[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length > limits.maxCredentials)
    refuse(
      `The archive holds ${lines.length.toLocaleString("en")} credentials; Tessera restores at most ${limits.maxCredentials.toLocaleString("en")}. ${NOTHING}`,
    );
  return lines.map((line, index) => {
    const parsed = credentialLineSchema.safeParse(
      json(line, `Credential ${index + 1} in ${CREDENTIALS_ENTRY}`, limits.maxLineBytes),
    );
    if (!parsed.success)
      throw restoreRefused(
        `Credential ${index + 1} in ${CREDENTIALS_ENTRY} is not valid (${firstIssue(parsed.error)}). ${NOTHING}`,
      );
    return parsed.data;
  });
}
