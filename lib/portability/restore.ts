import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
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
  pathwayFollows,
  pathways,
  shareCredentials,
  shares,
  users,
} from "@/db/schema";
import type { CpdProfile } from "@/lib/cpd/profile-schema";
import { rowValues } from "@/lib/credentials/data";
import { sha256Hex } from "@/lib/credentials/dedupe";
import type { NormalizedCredential } from "@/lib/credentials/record";
import { hashShareToken, mintShareToken, shareTokenHint } from "@/lib/shares/token";
import type { Goal, PathwayDefinition } from "@/lib/stacking";
import { checkArchiveReferences, type CheckedArchive } from "./check-references";
import { refuse } from "./errors";
import { evidenceEntry, imageEntry, originalEntry, RESTORE_LIMITS, type RestoreLimits } from "./format";
import { readWalletArchive, type WalletArchive } from "./read-archive";

export interface RestoreSummary {
  credentials: number;
  originals: number;
  evidence: number;
  images: number;
  collections: number;
  goals: number;
  follows: number;
  /** Followed catalog pathways this Tessera does not have (another instance's catalog). */
  followsSkipped: number;
  shares: number;
  /** The holder's own CPD profiles, cycles and per-credential overrides. */
  cpdProfiles: number;
  cpdCycles: number;
  cpdActivities: number;
  /**
   * "restored": the archive's reminder settings were written; "kept": this account already had
   * its own, which a restore does not overwrite; "none": the archive has none (defaults apply).
   */
  reminderSettings: "restored" | "kept" | "none";
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function chunks<T>(items: T[], size: number, bytesOf?: (item: T) => number, maxBytes = 32 * 1024 * 1024): T[][] {
  const out: T[][] = [];
  let bytes = 0;
  for (const item of items) {
    const last = out.at(-1);
    const size1 = bytesOf?.(item) ?? 0;
    if (!last || last.length >= size || bytes + size1 > maxBytes) {
      out.push([item]);
      bytes = size1;
    } else {
      last.push(item);
      bytes += size1;
    }
  }
  return out;
}

/**
 * Restores a wallet archive into the holder's wallet: all or nothing, in one transaction, and only
 * into an empty wallet (no credentials, collections, goals, share links, CPD profiles or cycles;
 * reminder settings alone do not count): restoring the same archive twice, or over a wallet in
 * use, is refused with a reason rather than merged (docs/decisions/0015). The archive is fully
 * checked before the first write; catalog CPD profiles its cycles name are resolved before it too.
 */
export async function restoreWallet(db: Database, holderId: string, bytes: Uint8Array, { limits = RESTORE_LIMITS, now = new Date() }: { limits?: RestoreLimits; now?: Date } = {}): Promise<RestoreSummary> {
  const archive = await readWalletArchive(bytes, limits);
  const checked = checkArchiveReferences(archive);
  refuseFutureChecks(archive, now);
  return db.transaction(async (tx) => {
    // Two restores into one account at once: the second waits, then finds the wallet full.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tessera-restore:${holderId}`}))`);
    // The lock createCycle takes for its overlap check: a cycle started meanwhile waits for us.
    if ((archive.wallet.cpd?.cycles.length ?? 0) > 0) await tx.select({ id: users.id }).from(users).where(eq(users.id, holderId)).for("update");
    await refuseUnlessEmpty(tx, holderId);
    const catalogProfiles = await resolveCatalogProfiles(tx, archive);
    return writeArchive(tx, holderId, archive, checked, catalogProfiles);
  });
}

/**
 * A stored check younger than VERIFY_MAX_AGE_MINUTES is shown without re-checking, so a check dated
 * in the future would be shown forever: an edited archive could keep a forged "Verified" alive.
 */
function refuseFutureChecks({ credentials: lines }: WalletArchive, now: Date): void {
  const latest = now.getTime() + 5 * 60_000;
  for (const [index, line] of lines.entries()) {
    const dates = [line.verifiedAt, line.verification?.checkedAt].filter((d): d is string => typeof d === "string");
    if (dates.some((d) => !(new Date(d).getTime() <= latest))) {
      refuse(`Credential ${index + 1} in the archive has a verification dated in the future, which Tessera never writes. Nothing was restored.`);
    }
  }
}

async function refuseUnlessEmpty(tx: Tx, holderId: string): Promise<void> {
  // One after another: a transaction is one connection, which runs one query at a time.
  const held = await tx.$count(credentials, eq(credentials.holderId, holderId));
  const cols = await tx.$count(collections, eq(collections.holderId, holderId));
  const goals = await tx.$count(pathways, and(eq(pathways.holderId, holderId), eq(pathways.source, "goal")));
  const links = await tx.$count(shares, eq(shares.holderId, holderId));
  // CPD profiles and cycles are the holder's content (their slugs and dates would collide); an
  // override needs a credential, so it is counted with them. Reminder settings are a preference,
  // not content: an account whose holder only set them is still empty (docs/decisions/0015).
  const profiles = await tx.$count(cpdProfiles, eq(cpdProfiles.holderId, holderId));
  const cycles = await tx.$count(cpdCycles, eq(cpdCycles.holderId, holderId));
  const overrides = await tx.$count(cpdActivities, eq(cpdActivities.holderId, holderId));
  if (held + cols + goals + links + profiles + cycles + overrides > 0) {
    const what = held > 0 ? `${held.toLocaleString("en")} credential${held === 1 ? "" : "s"}` : "collections, goals, share links or CPD profiles and cycles";
    refuse(`Your wallet already holds ${what}. A restore only fills an empty wallet, so that nothing you have is mixed up or duplicated; nothing was changed. Restore into a new account, or delete what is here first.`);
  }
}

/**
 * A cycle on a catalog profile names it by slug; catalogs differ between Tessera instances, and a
 * cycle cannot be kept without its profile, so one this Tessera does not offer refuses the archive.
 */
async function resolveCatalogProfiles(tx: Tx, { wallet }: WalletArchive): Promise<Map<string, string>> {
  const slugs = [...new Set((wallet.cpd?.cycles ?? []).flatMap((c) => (c.catalogProfile === null ? [] : [c.catalogProfile])))];
  if (slugs.length === 0) return new Map();
  const rows = await tx
    .select({ id: cpdProfiles.id, slug: cpdProfiles.slug })
    .from(cpdProfiles)
    .where(and(isNull(cpdProfiles.holderId), inArray(cpdProfiles.slug, slugs)));
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.find((slug) => !idOf.has(slug));
  if (missing !== undefined) {
    refuse(`A CPD cycle in the archive is on the catalog profile “${missing.slice(0, 60)}”, which this Tessera does not offer, so the cycle cannot be restored. Nothing was restored.`);
  }
  return idOf;
}

async function writeArchive(tx: Tx, holderId: string, { credentials: lines, wallet, files }: WalletArchive, checked: CheckedArchive, catalogProfiles: Map<string, string>): Promise<RestoreSummary> {
  const originalIds = new Map<string, string>();
  for (const batch of chunks(wallet.originals, 500, (o) => o.byteSize)) {
    const rows = await tx
      .insert(credentialOriginals)
      .values(batch.map((o) => ({ holderId, sha256: o.sha256, mediaType: o.mediaType, filename: o.filename, byteSize: o.byteSize, bytes: files.get(originalEntry(o.sha256))!, createdAt: date(o.createdAt) })))
      .returning({ id: credentialOriginals.id, sha256: credentialOriginals.sha256 });
    for (const row of rows) originalIds.set(row.sha256, row.id);
  }

  const ids = new Map<string, string>();
  for (const batch of chunks(lines, 200)) {
    const values = batch.map((line) => {
      const interpreted = { record: line.record as unknown as NormalizedCredential, payload: line.payload, ...(line.signed ? { signed: line.signed } : {}), ...(line.linked ? { linked: line.linked } : {}), children: [] };
      return {
        ...rowValues(holderId, originalIds.get(line.original)!, interpreted, null, undefined),
        verdict: line.verdict,
        verification: line.verification,
        verifiedAt: dateOrNull(line.verifiedAt),
        holderNote: line.holderNote,
        holderTags: line.holderTags,
        createdAt: date(line.createdAt),
      };
    });
    const rows = await tx.insert(credentials).values(values).returning({ id: credentials.id, dedupeKey: credentials.dedupeKey });
    const idOf = new Map(rows.map((r) => [r.dedupeKey, r.id]));
    for (const line of batch) ids.set(line.key, idOf.get(line.dedupeKey)!);
  }
  const id = (key: string) => ids.get(key)!;
  for (const line of lines) {
    if (line.parent) await tx.update(credentials).set({ parentId: id(line.parent) }).where(and(eq(credentials.id, id(line.key)), eq(credentials.holderId, holderId)));
  }

  for (const batch of chunks(wallet.images, 500)) {
    await tx.insert(credentialImages).values(batch.map((i) => ({ credentialId: id(i.credential), png: files.get(imageEntry(i.sha256))!, width: i.width, height: i.height })));
  }
  for (const batch of chunks(wallet.evidence, 500, (e) => e.byteSize)) {
    await tx.insert(evidenceFiles).values(
      batch.map((e) => {
        const data = files.get(evidenceEntry(e.sha256))!;
        return { credentialId: id(e.credential), holderId, filename: e.filename, mediaType: e.mediaType, byteSize: data.byteLength, sha256: sha256Hex(data), bytes: data, createdAt: date(e.createdAt) };
      }),
    );
  }

  const collectionIds = new Map<string, string>();
  for (const c of wallet.collections) {
    const [row] = await tx.insert(collections).values({ holderId, name: c.name, description: c.description, createdAt: date(c.createdAt), updatedAt: date(c.updatedAt) }).returning({ id: collections.id });
    collectionIds.set(c.key, row!.id);
    for (const batch of chunks(c.items, 1000)) {
      await tx.insert(collectionItems).values(batch.map((item) => ({ collectionId: row!.id, credentialId: id(item.credential), holderId, addedAt: date(item.addedAt) })));
    }
  }

  for (const g of wallet.goals) {
    const goal = goalWithIds(g.goal, id);
    await tx.insert(pathways).values({ holderId, slug: g.slug, source: "goal", version: g.version, definition: g.definition as PathwayDefinition, goal, createdAt: date(g.createdAt), updatedAt: date(g.updatedAt) });
  }

  let follows = 0;
  if (wallet.follows.length > 0) {
    const catalog = await tx
      .select({ id: pathways.id, slug: pathways.slug })
      .from(pathways)
      .where(and(isNull(pathways.holderId), inArray(pathways.slug, wallet.follows.map((f) => f.slug))));
    const catalogId = new Map(catalog.map((p) => [p.slug, p.id]));
    const rows = wallet.follows.flatMap((f) => (catalogId.has(f.slug) ? [{ holderId, pathwayId: catalogId.get(f.slug)!, followedAt: date(f.followedAt) }] : []));
    if (rows.length > 0) follows = (await tx.insert(pathwayFollows).values(rows).onConflictDoNothing().returning({ id: pathwayFollows.pathwayId })).length;
  }

  for (const s of wallet.shares) {
    // A fresh token nobody is given: the settings come back, the old link (another server's secret) does not.
    const token = mintShareToken();
    const [row] = await tx
      .insert(shares)
      .values({
        holderId,
        tokenHash: hashShareToken(token),
        tokenHint: shareTokenHint(token),
        scope: s.scope,
        collectionId: s.collection ? collectionIds.get(s.collection)! : null,
        headline: s.headline,
        showEmail: s.showEmail,
        showEvidence: s.showEvidence,
        showNotes: s.showNotes,
        expiresAt: dateOrNull(s.expiresAt),
        revokedAt: dateOrNull(s.revokedAt),
        viewCount: s.viewCount,
        lastViewedAt: dateOrNull(s.lastViewedAt),
        createdAt: date(s.createdAt),
        updatedAt: date(s.updatedAt),
      })
      .returning({ id: shares.id });
    if (s.credentials.length > 0) await tx.insert(shareCredentials).values(s.credentials.map((key, position) => ({ shareId: row!.id, credentialId: id(key), holderId, position })));
  }

  const cpd = await writeCpd(tx, holderId, wallet, checked.cpdProfiles, catalogProfiles, id);

  return {
    credentials: lines.length,
    originals: wallet.originals.length,
    evidence: wallet.evidence.length,
    images: wallet.images.length,
    collections: wallet.collections.length,
    goals: wallet.goals.length,
    follows,
    followsSkipped: wallet.follows.length - follows,
    shares: wallet.shares.length,
    ...cpd,
  };
}

/** The holder's CPD, after the credentials it names: profiles first, then cycles on them. */
async function writeCpd(
  tx: Tx,
  holderId: string,
  { cpd }: WalletArchive["wallet"],
  definitions: CpdProfile[],
  catalogProfiles: Map<string, string>,
  id: (key: string) => string,
): Promise<Pick<RestoreSummary, "cpdProfiles" | "cpdCycles" | "cpdActivities" | "reminderSettings">> {
  if (!cpd) return { cpdProfiles: 0, cpdCycles: 0, cpdActivities: 0, reminderSettings: "none" };
  const profileIds = new Map<string, string>();
  for (const [index, p] of cpd.profiles.entries()) {
    // The definition as the CPD profile schema parsed it, as createHolderProfile stores it.
    const [row] = await tx
      .insert(cpdProfiles)
      .values({ holderId, slug: p.slug, source: "holder", version: p.version, definition: definitions[index]!, createdAt: date(p.createdAt), updatedAt: date(p.updatedAt) })
      .returning({ id: cpdProfiles.id });
    profileIds.set(p.key, row!.id);
  }
  for (const batch of chunks(cpd.cycles, 500)) {
    await tx.insert(cpdCycles).values(
      batch.map((c) => ({
        holderId,
        profileId: c.profile !== null ? profileIds.get(c.profile)! : catalogProfiles.get(c.catalogProfile!)!,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        createdAt: date(c.createdAt),
      })),
    );
  }
  for (const batch of chunks(cpd.activities, 1000)) {
    await tx.insert(cpdActivities).values(
      batch.map((a) => ({
        holderId,
        credentialId: id(a.credential),
        hours: a.hours,
        participatory: a.participatory,
        topics: a.topics,
        recordKinds: a.recordKinds,
        excluded: a.excluded,
        updatedAt: date(a.updatedAt),
      })),
    );
  }
  let reminderSettings: RestoreSummary["reminderSettings"] = "none";
  if (cpd.reminders) {
    // Settings already chosen in this account are its holder's latest word: kept, not overwritten.
    const written = await tx
      .insert(cpdReminderSettings)
      .values({ holderId, inApp: cpd.reminders.inApp, email: cpd.reminders.email, updatedAt: date(cpd.reminders.updatedAt) })
      .onConflictDoNothing()
      .returning({ holderId: cpdReminderSettings.holderId });
    reminderSettings = written.length > 0 ? "restored" : "kept";
  }
  return { cpdProfiles: cpd.profiles.length, cpdCycles: cpd.cycles.length, cpdActivities: cpd.activities.length, reminderSettings };
}

/** Archive keys in a goal's held components back to this wallet's credential ids. */
function goalWithIds(goal: unknown, id: (key: string) => string): Goal | null {
  if (goal === null || goal === undefined) return null;
  const g = goal as Goal;
  return { ...g, components: g.components.map((c) => ("credentialId" in c ? { ...c, credentialId: id(c.credentialId) } : c)) };
}
