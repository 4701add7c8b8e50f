import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { collectionItems, collections, credentials, shareCredentials, shares, type ShareScope } from "@/db/schema";
import { expiresAtFor, shareStateAt, type ShareExpiry, type ShareState } from "./expiry";
import { SHARES_PER_HOLDER_MAX } from "./limits";
import {
  createShareSchema,
  credentialIdsSchema,
  headlineSchema,
  visibilitySchema,
  type CreateShareInput,
} from "./schemas";
import { hashShareToken, mintShareToken, shareTokenHint } from "./token";

export type { ShareScope };

/**
 * The holder's side of share links. Every query is scoped by the holder id it is given
 * (docs/architecture.md convention 2): another holder's share, credential or collection ids find nothing,
 * and a request naming any of them is refused whole (docs/threat-model.md B4). Functions answer null or
 * false for "not found"; a DomainError ("conflict") for an expected refusal the holder can act on.
 */

export interface ShareSummary {
  id: string;
  /** "tsv_Ab3x9Q": the start of the token, to recognise a link; it cannot open it. */
  tokenHint: string;
  scope: ShareScope;
  collection: { id: string; name: string } | null;
  headline: string | null;
  showEmail: boolean;
  showEvidence: boolean;
  showNotes: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: ShareState;
  /** How many credentials the link shows now (a collection or profile link follows the wallet). */
  credentialCount: number;
  viewCount: number;
  lastViewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const credentialCount = sql<number>`(case ${shares.scope}
  when 'profile' then (select count(*) from ${credentials} where ${credentials.holderId} = ${shares.holderId})
  when 'collection' then (select count(*) from ${collectionItems} where ${collectionItems.collectionId} = ${shares.collectionId} and ${collectionItems.holderId} = ${shares.holderId})
  else (select count(*) from ${shareCredentials} where ${shareCredentials.shareId} = ${shares.id})
end)::int`;

async function summaries(db: Database, holderId: string, now: Date, where?: SQL): Promise<ShareSummary[]> {
  const rows = await db
    .select({
      id: shares.id,
      tokenHint: shares.tokenHint,
      scope: shares.scope,
      collectionId: collections.id,
      collectionName: collections.name,
      headline: shares.headline,
      showEmail: shares.showEmail,
      showEvidence: shares.showEvidence,
      showNotes: shares.showNotes,
      expiresAt: shares.expiresAt,
      revokedAt: shares.revokedAt,
      credentialCount,
      viewCount: shares.viewCount,
      lastViewedAt: shares.lastViewedAt,
      createdAt: shares.createdAt,
      updatedAt: shares.updatedAt,
    })
    .from(shares)
    .leftJoin(collections, and(eq(collections.id, shares.collectionId), eq(collections.holderId, holderId)))
    .where(and(eq(shares.holderId, holderId), where))
    .orderBy(desc(shares.createdAt), asc(shares.id));
  return rows.map(({ collectionId, collectionName, ...row }) => ({
    ...row,
    collection: collectionId && collectionName !== null ? { id: collectionId, name: collectionName } : null,
    state: shareStateAt(row, now),
  }));
}

export async function listShares(db: Database, holderId: string, now: Date = new Date()): Promise<ShareSummary[]> {
  return summaries(db, holderId, now);
}

export async function getShare(
  db: Database,
  holderId: string,
  shareId: string,
  now: Date = new Date(),
): Promise<ShareSummary | null> {
  return (await summaries(db, holderId, now, eq(shares.id, shareId)))[0] ?? null;
}

/** The credentials a "credential" or "selection" link names, in order (for editing it). */
export async function getShareCredentialIds(db: Database, holderId: string, shareId: string): Promise<string[] | null> {
  const [share] = await db
    .select({ id: shares.id })
    .from(shares)
    .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)));
  if (!share) return null;
  const rows = await db
    .select({ id: shareCredentials.credentialId })
    .from(shareCredentials)
    .where(and(eq(shareCredentials.holderId, holderId), eq(shareCredentials.shareId, shareId)))
    .orderBy(asc(shareCredentials.position));
  return rows.map((r) => r.id);
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function ownsAll(tx: Tx, holderId: string, ids: string[]): Promise<boolean> {
  return (
    (await tx.$count(credentials, and(eq(credentials.holderId, holderId), inArray(credentials.id, ids)))) === ids.length
  );
}

export interface CreateShareOptions {
  now?: Date;
  mintToken?: () => string;
}

/**
 * Creates a link and returns it with its token. The token is returned this once and never
 * stored: only its hash is. Null when any credential or the collection named is not the holder's.
 */
export async function createShare(
  db: Database,
  holderId: string,
  input: CreateShareInput,
  { now = new Date(), mintToken = () => mintShareToken() }: CreateShareOptions = {},
): Promise<{ share: ShareSummary; token: string } | null> {
  const fields = createShareSchema.parse(input);
  const ids =
    fields.scope === "credential" ? [fields.credentialId] : fields.scope === "selection" ? fields.credentialIds : [];
  const token = mintToken();
  const id = await db.transaction(async (tx) => {
    if ((await tx.$count(shares, eq(shares.holderId, holderId))) >= SHARES_PER_HOLDER_MAX) {
      throw new DomainError(
        "conflict",
        `You can keep up to ${SHARES_PER_HOLDER_MAX} links. Delete some you no longer need first.`,
      );
    }
    if (ids.length > 0 && !(await ownsAll(tx, holderId, ids))) return null;
    if (fields.scope === "collection") {
      const [owned] = await tx
        .select({ id: collections.id })
        .from(collections)
        .where(and(eq(collections.holderId, holderId), eq(collections.id, fields.collectionId)));
      if (!owned) return null;
    }
    const [row] = await tx
      .insert(shares)
      .values({
        holderId,
        tokenHash: hashShareToken(token),
        tokenHint: shareTokenHint(token),
        scope: fields.scope,
        collectionId: fields.scope === "collection" ? fields.collectionId : null,
        headline: fields.headline || null,
        showEmail: fields.showEmail,
        showEvidence: fields.showEvidence,
        showNotes: fields.showNotes,
        locale: fields.locale,
        expiresAt: expiresAtFor(fields.expiry, now),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: shares.id });
    if (ids.length > 0)
      await tx
        .insert(shareCredentials)
        .values(ids.map((credentialId, position) => ({ shareId: row!.id, credentialId, holderId, position })));
    return row!.id;
  });
  if (!id) return null;
  return { share: (await getShare(db, holderId, id, now))!, token };
}

/** Ends the link at once (idempotent: the first revocation time is kept). */
export async function revokeShare(
  db: Database,
  holderId: string,
  shareId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(shares)
    .set({ revokedAt: sql`coalesce(${shares.revokedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
    .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)))
    .returning({ id: shares.id });
  return rows.length === 1;
}

/** A new end date counted from now (an expired link works again); a revoked link stays revoked. */
export async function extendShare(
  db: Database,
  holderId: string,
  shareId: string,
  expiry: ShareExpiry,
  now: Date = new Date(),
): Promise<ShareSummary | null> {
  const rows = await db
    .update(shares)
    .set({ expiresAt: expiresAtFor(expiry, now), updatedAt: now })
    .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId), sql`${shares.revokedAt} is null`))
    .returning({ id: shares.id });
  if (rows.length === 0) return refuseIfRevoked(db, holderId, shareId);
  return getShare(db, holderId, shareId, now);
}

async function refuseIfRevoked(db: Database, holderId: string, shareId: string): Promise<null> {
  const [row] = await db
    .select({ revokedAt: shares.revokedAt })
    .from(shares)
    .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)));
  if (row?.revokedAt)
    throw new DomainError("conflict", "This link was revoked and cannot be changed. Create a new link instead.");
  return null;
}

export async function updateShareVisibility(
  db: Database,
  holderId: string,
  shareId: string,
  visibility: { showEmail?: boolean; showEvidence?: boolean; showNotes?: boolean },
): Promise<boolean> {
  const values = visibilitySchema.parse(visibility);
  const rows = await db
    .update(shares)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)))
    .returning({ id: shares.id });
  return rows.length === 1;
}

/** An empty headline removes it. */
export async function updateShareHeadline(
  db: Database,
  holderId: string,
  shareId: string,
  headline: string,
): Promise<boolean> {
  const value = headlineSchema.parse(headline);
  const rows = await db
    .update(shares)
    .set({ headline: value === "" ? null : value, updatedAt: new Date() })
    .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)))
    .returning({ id: shares.id });
  return rows.length === 1;
}

/**
 * Replaces what a "credential" or "selection" link names; the page shows the new list from the
 * next view on. Null (nothing changed) when the link or any credential is not the holder's.
 */
export async function updateShareCredentials(
  db: Database,
  holderId: string,
  shareId: string,
  credentialIds: string[],
  now: Date = new Date(),
): Promise<ShareSummary | null> {
  const ids = credentialIdsSchema.parse(credentialIds);
  const updated = await db.transaction(async (tx) => {
    const [share] = await tx
      .select({ scope: shares.scope, revokedAt: shares.revokedAt })
      .from(shares)
      .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)))
      .for("update");
    if (!share) return false;
    if (share.revokedAt)
      throw new DomainError("conflict", "This link was revoked and cannot be changed. Create a new link instead.");
    if (share.scope !== "credential" && share.scope !== "selection") {
      throw new DomainError(
        "conflict",
        "This link follows a collection or your whole profile; change the collection instead.",
      );
    }
    if (!(await ownsAll(tx, holderId, ids))) return false;
    await tx
      .delete(shareCredentials)
      .where(and(eq(shareCredentials.holderId, holderId), eq(shareCredentials.shareId, shareId)));
    await tx
      .insert(shareCredentials)
      .values(ids.map((credentialId, position) => ({ shareId, credentialId, holderId, position })));
    await tx
      .update(shares)
      .set({ scope: ids.length === 1 ? "credential" : "selection", updatedAt: now })
      .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)));
    return true;
  });
  return updated ? getShare(db, holderId, shareId, now) : null;
}

/** Removes the link and its history; anyone opening it afterwards gets "not found". */
export async function deleteShare(db: Database, holderId: string, shareId: string): Promise<boolean> {
  const rows = await db
    .delete(shares)
    .where(and(eq(shares.holderId, holderId), eq(shares.id, shareId)))
    .returning({ id: shares.id });
  return rows.length === 1;
}
