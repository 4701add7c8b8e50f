/**
 * The wallet archive, format 2 (docs/decisions/0015-wallet-export-restore.md; format 1 is format 2
 * without `identities`, and still restores). A zip of stored
 * (uncompressed) entries, so its size is known before the first byte is sent:
 *
 *   originals/<sha256>   every original credential file, byte for byte
 *   evidence/<sha256>    evidence files attached to self-reported certificates
 *   images/<sha256>      Tessera's own sanitized PNG of each badge image
 *   credentials.jsonl    one credential per line (record, payload, verification, note, tags…)
 *   wallet.json          originals / evidence / image metadata, collections, goals, follows, shares,
 *                        and `cpd`: the holder's own CPD profiles, cycles, activity overrides and
 *                        reminder settings (optional: archives made before CPD have none), and
 *                        `identities` (format 2): email addresses, wallet DIDs, and their keys only
 *                        as a passphrase JWE when the holder set an export passphrase
 *   manifest.json        written last: format version, counts, and size + SHA-256 of every other entry
 *
 * Rows refer to each other by archive-local keys ("c12", "k3", "p2"), never by database ids; a CPD
 * cycle on a catalog profile names it by its catalog slug.
 */
export const ARCHIVE_FORMAT = "tessera-wallet";
export const ARCHIVE_FORMAT_VERSION = 2;
export const APP_NAME = "Tessera";

export const MANIFEST_ENTRY = "manifest.json";
export const CREDENTIALS_ENTRY = "credentials.jsonl";
export const WALLET_ENTRY = "wallet.json";

export const originalEntry = (sha256: string) => `originals/${sha256}`;
export const evidenceEntry = (sha256: string) => `evidence/${sha256}`;
export const imageEntry = (sha256: string) => `images/${sha256}`;

export const credentialKey = (index: number) => `c${index + 1}`;
export const collectionKey = (index: number) => `k${index + 1}`;
export const cpdProfileKey = (index: number) => `p${index + 1}`;

const MB = 1024 * 1024;

export const RESTORE_LIMITS = {
  /** The upload cap of the restore route (and the CLI's file cap). */
  maxArchiveBytes: 200 * MB,
  maxEntries: 10_000,
  /** One original or evidence file, as at import. */
  maxFileBytes: 10 * MB,
  /** credentials.jsonl and wallet.json may be larger than any single file. */
  maxDocumentBytes: 200 * MB,
  maxTotalBytes: 400 * MB,
  /** Stored entries expand 1:1; a deflated one may not expand more than this. */
  maxRatio: 100,
  /** One credentials.jsonl line (a record with its payload, signed form and linked documents). */
  maxLineBytes: 16 * MB,
  maxCredentials: 9_000,
} as const;

export type RestoreLimits = typeof RESTORE_LIMITS;

/** Per holder per minute: each export reads the whole wallet; each restore attempt may read the archive cap into memory. */
export const EXPORTS_PER_MINUTE = 6;
export const RESTORES_PER_MINUTE = 5;
