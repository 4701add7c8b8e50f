import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  collectionItems,
  credentialImages,
  credentials,
  evidenceFiles,
  shareCredentials,
  shares,
  users,
  type ShareScope,
} from "@/db/schema";
import type { CredentialKind, NormalizedCredential } from "@/lib/credentials/record";
import { isUuid } from "@/lib/http/ids";
import type { Verdict, VerificationResult } from "@/lib/verification/types";
import { shareStateAt } from "./expiry";
import { SHARE_CREDENTIALS_MAX } from "./limits";
import { publicRecord } from "./public-record";
import { hashShareToken } from "./token";

/**
 * The public side of a share link: everything a visitor without an account can reach, found
 * only through the token. Nothing here takes a holder id from the request: the holder is the
 * share's, and every credential read is scoped by that holder and by what the share names now.
 */

export type ShareStatus = "ok" | "revoked" | "expired" | "not-found";
export type ShareUnavailable = { status: Exclude<ShareStatus, "ok"> };

export interface PublicShare {
  id: string;
  scope: ShareScope;
  headline: string | null;
  showEmail: boolean;
  showEvidence: boolean;
  showNotes: boolean;
  expiresAt: Date | null;
  createdAt: Date;
}

/** What the page may say about the holder: never the date of birth, ids or anything else of the profile. */
export interface PublicHolder {
  name: string | null;
  profession: string | null;
  /** Only when the share shows it. */
  email: string | null;
}

export interface SharedCredentialCard {
  id: string;
  title: string;
  issuerName: string;
  kind: CredentialKind;
  formatLabel: string | null;
  issuedAt: Date | null;
  validUntil: Date | null;
  hours: number | null;
  ects: number | null;
  eqfLevel: number | null;
  selfReported: boolean;
  hasImage: boolean;
  verdict: Verdict | null;
  verification: VerificationResult | null;
  verifiedAt: Date | null;
  /** The holder's note, only when the share shows notes. */
  note: string | null;
}

export type ShareResolution =
  | { status: "ok"; share: PublicShare; holder: PublicHolder; credentials: SharedCredentialCard[]; truncated: boolean }
  | ShareUnavailable;

/** Internal: the share row behind a token, with its holder (never returned as is). */
export interface OpenShare {
  share: PublicShare;
  holderId: string;
  holderEmail: string;
  holder: PublicHolder;
  collectionId: string | null;
}

/**
 * Finds the share for a token. Malformed and unknown tokens take the same path (the input is
 * hashed and looked up either way) and give the same "not-found" (docs/threat-model.md F2).
 */
export async function openShare(db: Database, token: string, now: Date): Promise<OpenShare | ShareUnavailable> {
  const [row] = await db
    .select({
      id: shares.id,
      holderId: shares.holderId,
      scope: shares.scope,
      collectionId: shares.collectionId,
      headline: shares.headline,
      showEmail: shares.showEmail,
      showEvidence: shares.showEvidence,
      showNotes: shares.showNotes,
      expiresAt: shares.expiresAt,
      revokedAt: shares.revokedAt,
      createdAt: shares.createdAt,
      name: users.name,
      profession: users.profession,
      email: users.email,
    })
    .from(shares)
    .innerJoin(users, eq(users.id, shares.holderId))
    .where(eq(shares.tokenHash, hashShareToken(token)));
  if (!row) return { status: "not-found" };
  return openedShare(row, now);
}

/** The share row behind a token (with its holder's profile), as a visitor may see it at `now`. */
export interface ShareRow {
  id: string;
  holderId: string;
  scope: ShareScope;
  collectionId: string | null;
  headline: string | null;
  showEmail: boolean;
  showEvidence: boolean;
  showNotes: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  name: string | null;
  profession: string | null;
  email: string;
}

/** One rule for every reader of a share row: revoked, expired, a collection link without its collection, or open. */
export function openedShare(row: ShareRow, now: Date): OpenShare | ShareUnavailable {
  const state = shareStateAt(row, now);
  if (state !== "active") return { status: state };
  // A collection link whose collection was deleted points at nothing any more: gone, like a revoked one.
  if (row.scope === "collection" && !row.collectionId) return { status: "revoked" };
  return {
    share: {
      id: row.id,
      scope: row.scope,
      headline: row.headline,
      showEmail: row.showEmail,
      showEvidence: row.showEvidence,
      showNotes: row.showNotes,
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
    },
    holderId: row.holderId,
    holderEmail: row.email,
    holder: { name: row.name, profession: row.profession, email: row.showEmail ? row.email : null },
    collectionId: row.collectionId,
  };
}

/** Just the status, for the gate that picks the HTTP status before a page renders. */
export async function shareStatusForToken(db: Database, token: string, now: Date): Promise<ShareStatus> {
  const opened = await openShare(db, token, now);
  return "status" in opened ? opened.status : "ok";
}

/** A profile or collection link's page order (the portfolio lists its credentials the same way). */
export const NEWEST_ISSUED_FIRST = [
  sql`${credentials.issuedAt} desc nulls last`,
  asc(sql`lower(${credentials.title})`),
  asc(credentials.id),
];

/** The ids the share names now, in page order (one more than the cap, to tell when it is cut). */
async function idsInScope(db: Database, open: OpenShare, onlyId?: string): Promise<string[]> {
  const holder = eq(credentials.holderId, open.holderId);
  const only = onlyId ? eq(credentials.id, onlyId) : undefined;
  const limit = SHARE_CREDENTIALS_MAX + 1;
  if (open.share.scope === "profile") {
    const rows = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(and(holder, only))
      .orderBy(...NEWEST_ISSUED_FIRST)
      .limit(limit);
    return rows.map((r) => r.id);
  }
  if (open.share.scope === "collection") {
    const rows = await db
      .select({ id: credentials.id })
      .from(collectionItems)
      .innerJoin(credentials, eq(credentials.id, collectionItems.credentialId))
      .where(
        and(
          eq(collectionItems.collectionId, open.collectionId!),
          eq(collectionItems.holderId, open.holderId),
          holder,
          only,
        ),
      )
      .orderBy(...NEWEST_ISSUED_FIRST)
      .limit(limit);
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: credentials.id })
    .from(shareCredentials)
    .innerJoin(credentials, eq(credentials.id, shareCredentials.credentialId))
    .where(and(eq(shareCredentials.shareId, open.share.id), eq(shareCredentials.holderId, open.holderId), holder, only))
    .orderBy(asc(shareCredentials.position))
    .limit(limit);
  return rows.map((r) => r.id);
}

function cardColumns(showNotes: boolean) {
  return {
    id: credentials.id,
    title: credentials.title,
    issuerName: credentials.issuerName,
    kind: credentials.kind,
    formatLabel: sql<string | null>`${credentials.record}->>'formatLabel'`,
    issuedAt: credentials.issuedAt,
    validUntil: credentials.validUntil,
    hours: credentials.hours,
    ects: credentials.ects,
    eqfLevel: credentials.eqfLevel,
    selfReported: credentials.selfReported,
    hasImage: sql<boolean>`(${credentialImages.credentialId} is not null)`,
    verdict: credentials.verdict,
    verification: credentials.verification,
    verifiedAt: credentials.verifiedAt,
    // The note never leaves the database when the share hides notes.
    note: showNotes ? credentials.holderNote : sql<string | null>`null`,
  };
}

async function cardsFor(db: Database, open: OpenShare, ids: string[]): Promise<SharedCredentialCard[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(cardColumns(open.share.showNotes))
    .from(credentials)
    .leftJoin(credentialImages, eq(credentialImages.credentialId, credentials.id))
    .where(and(eq(credentials.holderId, open.holderId), inArray(credentials.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export interface ResolveOptions {
  /**
   * Re-checks stale verification results before the page reads them (live-verify.ts); answers
   * whether anything was stored anew. Given the share's holder, never a holder from the request.
   */
  refresh?: (holderId: string, cards: SharedCredentialCard[]) => Promise<boolean>;
}

/**
 * Everything the share page shows, as of `now`: the share, what it shows of the holder, and the
 * credentials it names at this moment (a collection link follows the collection; a deleted
 * credential is simply gone).
 */
export async function resolveShare(
  db: Database,
  token: string,
  now: Date,
  { refresh }: ResolveOptions = {},
): Promise<ShareResolution> {
  const open = await openShare(db, token, now);
  if ("status" in open) return open;
  const all = await idsInScope(db, open);
  const ids = all.slice(0, SHARE_CREDENTIALS_MAX);
  let cards = await cardsFor(db, open, ids);
  if (refresh && (await refresh(open.holderId, cards))) cards = await cardsFor(db, open, ids);
  return {
    status: "ok",
    share: open.share,
    holder: open.holder,
    credentials: cards,
    truncated: all.length > ids.length,
  };
}

/** The ids of the credentials the share names now, in page order, at most SHARE_CREDENTIALS_MAX. */
export async function sharedCredentialIds(db: Database, open: OpenShare): Promise<string[]> {
  return (await idsInScope(db, open)).slice(0, SHARE_CREDENTIALS_MAX);
}

/** Whether this credential is one the share names now (the check behind every per-credential route). */
export async function isInScope(db: Database, open: OpenShare, credentialId: string): Promise<boolean> {
  // An id from the URL that is not a UUID names nothing (and never reaches a uuid column).
  if (!isUuid(credentialId)) return false;
  return (await idsInScope(db, open, credentialId)).length === 1;
}

export interface SharedEvidenceFile {
  id: string;
  filename: string;
  mediaType: string;
  byteSize: number;
}

export interface SharedCredentialDetail extends SharedCredentialCard {
  /** The record as the page may show it (no recipient identifiers; no evidence unless shown). */
  record: NormalizedCredential;
  evidenceFiles: SharedEvidenceFile[];
}

export type SharedCredentialResolution =
  { status: "ok"; share: PublicShare; holder: PublicHolder; credential: SharedCredentialDetail } | ShareUnavailable;

/** One credential of the share with its full record; "not-found" when the share does not name it (now). */
export async function resolveSharedCredential(
  db: Database,
  token: string,
  credentialId: string,
  now: Date,
  { refresh }: ResolveOptions = {},
): Promise<SharedCredentialResolution> {
  const open = await openShare(db, token, now);
  if ("status" in open) return open;
  if (!(await isInScope(db, open, credentialId))) return { status: "not-found" };
  const read = () =>
    db
      .select({ ...cardColumns(open.share.showNotes), record: credentials.record })
      .from(credentials)
      .leftJoin(credentialImages, eq(credentialImages.credentialId, credentials.id))
      .where(and(eq(credentials.holderId, open.holderId), eq(credentials.id, credentialId)));
  let [row] = await read();
  if (row && refresh && (await refresh(open.holderId, [row]))) [row] = await read();
  if (!row) return { status: "not-found" };
  const files = open.share.showEvidence
    ? await db
        .select({
          id: evidenceFiles.id,
          filename: evidenceFiles.filename,
          mediaType: evidenceFiles.mediaType,
          byteSize: evidenceFiles.byteSize,
        })
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.holderId, open.holderId), eq(evidenceFiles.credentialId, credentialId)))
        .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id))
    : [];
  const credential = {
    ...row,
    record: publicRecord(row.record, { showEvidence: open.share.showEvidence }),
    evidenceFiles: files,
  };
  return { status: "ok", share: open.share, holder: open.holder, credential };
}
