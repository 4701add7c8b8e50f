import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  collectionItems,
  collections,
  cpdActivities,
  cpdCycles,
  cpdProfiles,
  cpdReminderSettings,
  credentialImages,
  credentialOriginals,
  credentials,
  evidenceFiles,
  holderWorkloads,
  pathwayFollows,
  pathways,
  shareCredentials,
  shares,
} from "@/db/schema";
import { collectionKey, cpdProfileKey, credentialKey } from "./format";
import { planIdentitiesExport } from "./identities-export";
import type { CpdDocument, CredentialLine, WalletDocument } from "./schemas";

/**
 * The queries behind an export, every one scoped by the holder id it is given (which the route
 * and the CLI take from the session / the named account, never from the request).
 */

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

export interface StoredFile {
  /** Row id in its table (the credential id for images). */
  id: string;
  sha256: string;
  size: number;
}

export interface ExportPlan {
  /** Credential ids in archive order; the i-th is key c(i+1). */
  credentialIds: string[];
  wallet: WalletDocument;
  originals: StoredFile[];
  evidence: StoredFile[];
  images: StoredFile[];
}

/** Everything but the bytes and the credential records: small, read once, up front. */
export async function planWalletExport(
  db: Database,
  holderId: string,
  passphrase: string | undefined,
): Promise<ExportPlan> {
  const creds = await db
    .select({ id: credentials.id, originalId: credentials.originalId })
    .from(credentials)
    .where(eq(credentials.holderId, holderId))
    .orderBy(asc(credentials.createdAt), asc(credentials.dedupeKey));
  const keyOf = new Map(creds.map((c, i) => [c.id, credentialKey(i)]));
  const key = (id: string) => keyOf.get(id)!;

  const [originals, evidence, images, cols, items, goals, follows, links, linked] = await Promise.all([
    db
      .select({
        id: credentialOriginals.id,
        sha256: credentialOriginals.sha256,
        mediaType: credentialOriginals.mediaType,
        filename: credentialOriginals.filename,
        byteSize: credentialOriginals.byteSize,
        createdAt: credentialOriginals.createdAt,
      })
      .from(credentialOriginals)
      .where(eq(credentialOriginals.holderId, holderId))
      .orderBy(asc(credentialOriginals.createdAt), asc(credentialOriginals.sha256)),
    db
      .select({
        id: evidenceFiles.id,
        credentialId: evidenceFiles.credentialId,
        sha256: evidenceFiles.sha256,
        filename: evidenceFiles.filename,
        mediaType: evidenceFiles.mediaType,
        byteSize: evidenceFiles.byteSize,
        createdAt: evidenceFiles.createdAt,
      })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.holderId, holderId))
      .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.sha256), asc(evidenceFiles.id)),
    // The hash and size are computed by the database, so no image bytes are read until they are sent.
    db
      .select({
        credentialId: credentialImages.credentialId,
        width: credentialImages.width,
        height: credentialImages.height,
        size: sql<number>`octet_length(${credentialImages.png})`.mapWith(Number),
        sha256: sql<string>`encode(sha256(${credentialImages.png}), 'hex')`,
      })
      .from(credentialImages)
      .innerJoin(credentials, eq(credentials.id, credentialImages.credentialId))
      .where(eq(credentials.holderId, holderId)),
    db
      .select()
      .from(collections)
      .where(eq(collections.holderId, holderId))
      .orderBy(asc(collections.createdAt), asc(collections.name)),
    db.select().from(collectionItems).where(eq(collectionItems.holderId, holderId)),
    db
      .select()
      .from(pathways)
      .where(and(eq(pathways.holderId, holderId), eq(pathways.source, "goal")))
      .orderBy(asc(pathways.createdAt), asc(pathways.slug)),
    db
      .select({ slug: pathways.slug, followedAt: pathwayFollows.followedAt })
      .from(pathwayFollows)
      .innerJoin(pathways, eq(pathways.id, pathwayFollows.pathwayId))
      .where(and(eq(pathwayFollows.holderId, holderId), sql`${pathways.holderId} is null`))
      .orderBy(asc(pathways.slug)),
    db.select().from(shares).where(eq(shares.holderId, holderId)).orderBy(asc(shares.createdAt), asc(shares.id)),
    db
      .select({
        shareId: shareCredentials.shareId,
        credentialId: shareCredentials.credentialId,
        position: shareCredentials.position,
      })
      .from(shareCredentials)
      .where(eq(shareCredentials.holderId, holderId))
      .orderBy(asc(shareCredentials.shareId), asc(shareCredentials.position), asc(shareCredentials.credentialId)),
  ]);

  const collectionKeyOf = new Map(cols.map((c, i) => [c.id, collectionKey(i)]));
  const group = <T>(rows: T[], by: (row: T) => string) => {
    const out = new Map<string, T[]>();
    for (const row of rows) {
      const list = out.get(by(row));
      if (list) list.push(row);
      else out.set(by(row), [row]);
    }
    return out;
  };
  const itemsOf = group(items, (i) => i.collectionId);
  const linkedOf = group(linked, (l) => l.shareId);
  const byKey = (a: { credential: string }, b: { credential: string }) =>
    Number(a.credential.slice(1)) - Number(b.credential.slice(1));
  images.sort((a, b) => byKey({ credential: key(a.credentialId) }, { credential: key(b.credentialId) }));

  // Ties (rows created in one transaction, or with one chosen instant) break on content, never on
  // random ids, so exporting a restored wallet gives the same archive again.
  const stable = <T>(rows: T[], instant: (row: T) => string) =>
    rows
      .map((row) => [instant(row), JSON.stringify(row), row] as const)
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .map(([, , row]) => row);

  const cpd = await planCpdExport(db, holderId, key, stable);
  const identities = await planIdentitiesExport(db, holderId, passphrase);

  const wallet: WalletDocument = {
    originals: originals.map((o) => ({
      sha256: o.sha256,
      mediaType: o.mediaType,
      filename: o.filename,
      byteSize: o.byteSize,
      createdAt: iso(o.createdAt),
    })),
    evidence: stable(
      evidence.map((e) => ({
        credential: key(e.credentialId),
        sha256: e.sha256,
        filename: e.filename,
        mediaType: e.mediaType,
        byteSize: e.byteSize,
        createdAt: iso(e.createdAt),
      })),
      (e) => e.createdAt,
    ),
    images: images.map((i) => ({
      credential: key(i.credentialId),
      sha256: i.sha256,
      width: i.width,
      height: i.height,
    })),
    collections: cols.map((c) => ({
      key: collectionKeyOf.get(c.id)!,
      name: c.name,
      description: c.description,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      items: (itemsOf.get(c.id) ?? [])
        .map((item) => ({ credential: key(item.credentialId), addedAt: iso(item.addedAt) }))
        .sort(byKey),
    })),
    goals: goals.map((g) => ({
      slug: g.slug,
      version: g.version,
      definition: g.definition,
      goal: goalWithKeys(g.goal, key),
      createdAt: iso(g.createdAt),
      updatedAt: iso(g.updatedAt),
    })),
    follows: follows.map((f) => ({ slug: f.slug, followedAt: iso(f.followedAt) })),
    // Never the token or its hash: a restored link is a new, unopened one (docs/decisions/0015).
    shares: stable(
      links.map((s) => ({
        scope: s.scope,
        collection: s.collectionId ? (collectionKeyOf.get(s.collectionId) ?? null) : null,
        credentials: (linkedOf.get(s.id) ?? []).map((l) => key(l.credentialId)),
        headline: s.headline,
        showEmail: s.showEmail,
        showEvidence: s.showEvidence,
        showNotes: s.showNotes,
        expiresAt: isoOrNull(s.expiresAt),
        revokedAt: isoOrNull(s.revokedAt),
        viewCount: s.viewCount,
        lastViewedAt: isoOrNull(s.lastViewedAt),
        createdAt: iso(s.createdAt),
        updatedAt: iso(s.updatedAt),
      })),
      (s) => s.createdAt,
    ),
    cpd,
    identities,
  };

  const unique = (files: StoredFile[]) => [...new Map(files.map((f) => [f.sha256, f])).values()];
  return {
    credentialIds: creds.map((c) => c.id),
    wallet,
    originals: originals.map((o) => ({ id: o.id, sha256: o.sha256, size: o.byteSize })),
    evidence: unique(evidence.map((e) => ({ id: e.id, sha256: e.sha256, size: e.byteSize }))),
    images: unique(images.map((i) => ({ id: i.credentialId, sha256: i.sha256, size: i.size }))),
  };
}

type Stable = <T>(rows: T[], instant: (row: T) => string) => T[];

/**
 * The holder's CPD: their own profiles (keys p1, p2… in creation order), cycles (on one of those
 * by key, or on a catalog profile by its slug), overrides by credential key, reminder settings.
 * Not the catalog, and not the reminder delivery log (docs/decisions/0015).
 */
async function planCpdExport(
  db: Database,
  holderId: string,
  key: (id: string) => string,
  stable: Stable,
): Promise<CpdDocument> {
  const [profiles, cycles, activities, [settings]] = await Promise.all([
    db
      .select()
      .from(cpdProfiles)
      .where(eq(cpdProfiles.holderId, holderId))
      .orderBy(asc(cpdProfiles.createdAt), asc(cpdProfiles.slug)),
    db
      .select({
        profileId: cpdCycles.profileId,
        profileHolder: cpdProfiles.holderId,
        profileSlug: cpdProfiles.slug,
        startsOn: cpdCycles.startsOn,
        endsOn: cpdCycles.endsOn,
        createdAt: cpdCycles.createdAt,
      })
      .from(cpdCycles)
      .innerJoin(cpdProfiles, eq(cpdProfiles.id, cpdCycles.profileId))
      .where(eq(cpdCycles.holderId, holderId)),
    // Only overrides on the holder's own credentials (the data layer never writes others).
    db
      .select({
        credentialId: cpdActivities.credentialId,
        hours: cpdActivities.hours,
        participatory: cpdActivities.participatory,
        topics: cpdActivities.topics,
        recordKinds: cpdActivities.recordKinds,
        excluded: cpdActivities.excluded,
        updatedAt: cpdActivities.updatedAt,
      })
      .from(cpdActivities)
      .innerJoin(credentials, and(eq(credentials.id, cpdActivities.credentialId), eq(credentials.holderId, holderId)))
      .where(eq(cpdActivities.holderId, holderId)),
    db.select().from(cpdReminderSettings).where(eq(cpdReminderSettings.holderId, holderId)),
  ]);
  const profileKeyOf = new Map(profiles.map((p, i) => [p.id, cpdProfileKey(i)]));
  const profileRef = (cycle: (typeof cycles)[number]) => {
    if (cycle.profileHolder === null) return { profile: null, catalogProfile: cycle.profileSlug };
    const profile = cycle.profileHolder === holderId ? profileKeyOf.get(cycle.profileId) : undefined;
    // createCycle only accepts the catalog or the holder's own profiles.
    if (!profile)
      throw new Error("A CPD cycle is on a profile that is not the holder's: the wallet cannot be exported.");
    return { profile, catalogProfile: null };
  };
  return {
    profiles: profiles.map((p) => ({
      key: profileKeyOf.get(p.id)!,
      slug: p.slug,
      version: p.version,
      definition: p.definition,
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
    })),
    cycles: stable(
      cycles.map((c) => ({ ...profileRef(c), startsOn: c.startsOn, endsOn: c.endsOn, createdAt: iso(c.createdAt) })),
      (c) => c.createdAt,
    ),
    activities: activities
      .map((a) => ({
        credential: key(a.credentialId),
        hours: a.hours,
        participatory: a.participatory,
        topics: a.topics,
        recordKinds: a.recordKinds,
        excluded: a.excluded,
        updatedAt: iso(a.updatedAt),
      }))
      .sort((a, b) => Number(a.credential.slice(1)) - Number(b.credential.slice(1))),
    reminders: settings ? { inApp: settings.inApp, email: settings.email, updatedAt: iso(settings.updatedAt) } : null,
  };
}

/** A goal names held credentials by wallet id; in the archive, by credential key. */
function goalWithKeys(goal: unknown, key: (id: string) => string): unknown {
  if (!goal || typeof goal !== "object" || !Array.isArray((goal as { components?: unknown }).components))
    return goal ?? null;
  const g = goal as { components: Record<string, unknown>[] };
  return {
    ...g,
    components: g.components.map((c) =>
      typeof c.credentialId === "string" ? { ...c, credentialId: key(c.credentialId) } : c,
    ),
  };
}

/** Credential lines for a batch of ids, in the order given. */
export async function credentialLines(
  db: Database,
  holderId: string,
  ids: string[],
  keyOf: (id: string) => string,
  originalShaOf: Map<string, string>,
): Promise<CredentialLine[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.holderId, holderId), inArray(credentials.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const workloads = await db
    .select({
      credentialId: holderWorkloads.credentialId,
      mentionedHours: holderWorkloads.mentionedHours,
      creditUnit: holderWorkloads.creditUnit,
    })
    .from(holderWorkloads)
    .where(and(eq(holderWorkloads.holderId, holderId), inArray(holderWorkloads.credentialId, ids)));
  const workloadOf = new Map(workloads.map(({ credentialId, ...w }) => [credentialId, w]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new Error("The wallet changed while it was being exported. Try the export again.");
    return {
      key: keyOf(id),
      original: originalShaOf.get(row.originalId)!,
      parent: row.parentId ? keyOf(row.parentId) : null,
      dedupeKey: row.dedupeKey,
      record: row.record as unknown as CredentialLine["record"],
      payload: row.payload as CredentialLine["payload"],
      signed: (row.signed ?? null) as CredentialLine["signed"],
      linked: (row.linked ?? null) as CredentialLine["linked"],
      verdict: row.verdict,
      verification: row.verification as CredentialLine["verification"],
      verifiedAt: isoOrNull(row.verifiedAt),
      holderNote: row.holderNote,
      holderTags: row.holderTags,
      ...(workloadOf.has(id) ? { holderWorkload: workloadOf.get(id)! } : {}),
      createdAt: iso(row.createdAt),
    };
  });
}

export type FileTable = "originals" | "evidence" | "images";

/** The bytes of a batch of stored files, by row id. */
export async function fileBytes(
  db: Database,
  holderId: string,
  table: FileTable,
  ids: string[],
): Promise<Map<string, Uint8Array>> {
  const rows =
    table === "originals"
      ? await db
          .select({ id: credentialOriginals.id, bytes: credentialOriginals.bytes })
          .from(credentialOriginals)
          .where(and(eq(credentialOriginals.holderId, holderId), inArray(credentialOriginals.id, ids)))
      : table === "evidence"
        ? await db
            .select({ id: evidenceFiles.id, bytes: evidenceFiles.bytes })
            .from(evidenceFiles)
            .where(and(eq(evidenceFiles.holderId, holderId), inArray(evidenceFiles.id, ids)))
        : await db
            .select({ id: credentialImages.credentialId, bytes: credentialImages.png })
            .from(credentialImages)
            .innerJoin(credentials, eq(credentials.id, credentialImages.credentialId))
            .where(
              and(
                eq(credentials.holderId, holderId),
                inArray(credentialImages.credentialId, ids),
                isNotNull(credentialImages.png),
              ),
            );
  return new Map(rows.map((r) => [r.id, r.bytes]));
}
