import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { cpdActivities, cpdCycles, cpdProfiles, cpdReminderDeliveries, cpdReminderSettings, credentialImages, credentials, pathways } from "@/db/schema";
import { saveActivityOverride } from "@/lib/cpd/activities-data";
import { createCycle, listCycleViews } from "@/lib/cpd/cycles-data";
import { createHolderProfile } from "@/lib/cpd/profiles-data";
import { saveReminderSettings } from "@/lib/cpd/reminders-data";
import { importOne } from "@/lib/credentials/import/jobs";
import { issueOpenBadge, issueOpenBadgeJwt } from "@/lib/credentials/testing/test-issuer";
import { createEd25519Issuer } from "@/lib/credentials/testing/keys";
import { verificationDepsForHolder } from "@/lib/credentials/verify-stored";
import { createGuardedFetch } from "@/lib/net";
import { followPathway } from "@/lib/pathways/data";
import { saveGoal } from "@/lib/pathways/goals";
import { createShare, revokeShare } from "@/lib/shares/data";
import { storeSignedTestCredential } from "@/lib/shares/testing";
import { describeEachDatabase } from "@/lib/testing/each-database";
import { holderSnapshot } from "@/lib/testing/holder-snapshot";
import { setHolderNote, setHolderTags } from "@/lib/wallet/annotations";
import { addToCollection, createCollection } from "@/lib/wallet/collections";
import { deleteCredentialForHolder } from "@/lib/wallet/delete";
import { createTestHolder, storeTestCredential } from "@/lib/wallet/testing";
import { CREDENTIALS_ENTRY, MANIFEST_ENTRY, WALLET_ENTRY } from "./format";
import { restoreWallet } from "./restore";
import { exportWallet } from "./export";
import { describeRestore } from "./summary";
import { collect, exportBytes, lines, manifestOf, repack, sha256, unpack } from "./testing";

const NOW = new Date("2026-12-06T12:00:00.000Z");
let serial = 0;
const email = (label: string) => `${label}-${++serial}-${Date.now()}@portability.test`;

/** A wallet with one of everything a holder can own. */
async function richWallet(db: Database): Promise<{ holderId: string; ids: Record<string, string> }> {
  const holderId = await createTestHolder(db, email("rich"), "Amara Okafor");
  const issuer = await createEd25519Issuer();
  const fetch = createGuardedFetch({ documents: new Map() });
  const deps = { fetch, verify: await verificationDepsForHolder(db, holderId, fetch) };
  const signed = await issueOpenBadge(issuer, { achievement: { name: "Sepsis Recognition", id: "https://northbridge.test/a/sepsis" } });
  const json = await importOne(db, holderId, { name: "sepsis.json", bytes: new TextEncoder().encode(JSON.stringify(signed)) }, deps);
  const jwt = await importOne(db, holderId, { name: "airway.jwt", bytes: new TextEncoder().encode(await issueOpenBadgeJwt(issuer, { achievement: { name: "Airway Management", id: "https://northbridge.test/a/airway" } })) }, deps);
  if (json.outcome !== "imported" || jwt.outcome !== "imported") throw new Error(`test issuer import failed: ${json.message} ${jwt.message}`);
  const clr = await storeSignedTestCredential(db, holderId, {
    title: "Critical Care Transcript",
    kind: "nano-degree",
    image: true,
    children: [{ title: "Ventilator Care", hours: 12 }, { title: "Haemofiltration", hours: 8 }],
  });
  const selfReported = await storeSignedTestCredential(db, holderId, { title: "Manual Handling", selfReported: true, evidence: { filename: "certificate.pdf", bytes: new TextEncoder().encode("%PDF-1.4 evidence") } });
  const plain = await storeTestCredential(db, holderId, { title: "Basic Life Support", issuer: "Resuscitation Academy", hours: 4, skills: ["cardiopulmonary resuscitation"], verdict: "unknown" });
  await setHolderNote(db, holderId, plain, "Renew before March — ward requirement.");
  await setHolderTags(db, holderId, plain, ["mandatory", "to-renew"]);
  await setHolderTags(db, holderId, clr.id, ["icu-application"]);
  const icu = await createCollection(db, holderId, { name: "ICU application", description: "For the St Aldhelm post" });
  await addToCollection(db, holderId, icu.id, [plain, clr.id, json.credentialId!]);
  await createCollection(db, holderId, { name: "Empty for now" });
  await saveGoal(db, holderId, { title: "ICU readiness", targetTitle: "Critical Care Certificate", targetKind: "certificate", heldCredentialIds: [plain], toEarn: [{ title: "Ventilator Care", issuer: "Northbridge" }] });
  const [catalog] = await db.select({ id: pathways.id }).from(pathways).where(isNull(pathways.holderId)).orderBy(asc(pathways.slug)).limit(1);
  await followPathway(db, holderId, catalog!.id);
  await createShare(db, holderId, { scope: "selection", credentialIds: [plain, json.credentialId!], headline: "For the ICU post", showNotes: true, expiry: 30 }, { now: NOW });
  const collectionShare = await createShare(db, holderId, { scope: "collection", collectionId: icu.id, expiry: "never" }, { now: NOW });
  await revokeShare(db, holderId, collectionShare!.share.id, NOW);

  // CPD: two profiles of the holder's own, cycles on one of them and on a catalog profile, overrides, settings.
  const ward = await createHolderProfile(db, holderId, ownProfile("ward-7-mandatory", "Ward 7 mandatory training"));
  await createHolderProfile(db, holderId, {
    ...ownProfile("agency-induction", "Agency induction"),
    rules: [
      { id: "total", kind: "total-hours", label: "Induction hours", minHours: 16 },
      { id: "sim", kind: "participatory-hours", label: "Simulation hours", minHours: 4 },
      { id: "reflection", kind: "record-count", label: "Reflective accounts", recordKind: "reflective-account", minCount: 2 },
    ],
  });
  await createCycle(db, holderId, { profileId: await catalogProfileId(db, "nmc-revalidation"), startsOn: "2024-04-01", endsOn: "2027-03-31" });
  await createCycle(db, holderId, { profileId: ward.id, startsOn: "2026-01-01", endsOn: "2026-12-31" });
  await createCycle(db, holderId, { profileId: ward.id, startsOn: "2027-01-01", endsOn: "2027-12-31" });
  await saveActivityOverride(db, holderId, plain, { hours: 4.5, participatory: true, topics: ["Fire safety", "Resuscitation"], recordKinds: ["planned-learning", "reflective-account"], excluded: false });
  await saveActivityOverride(db, holderId, clr.id, { hours: null, participatory: null, topics: null, recordKinds: [], excluded: true });
  await saveReminderSettings(db, holderId, { inApp: true, email: false });
  // A send log entry: never exported (docs/decisions/0015).
  await db.insert(cpdReminderDeliveries).values({ holderId, reminderKey: "cycle:x:2027-03-31:90" });
  return { holderId, ids: { plain, clr: clr.id, selfReported: selfReported.id, json: json.credentialId!, jwt: jwt.credentialId!, ward: ward.id } };
}

function ownProfile(id: string, name: string) {
  return {
    id,
    name,
    regulator: "St Aldhelm's Hospital",
    profession: "Nurse",
    jurisdiction: "Ward 7",
    source: { title: "Mandatory training policy", retrieved: "2026-01-01" },
    cycleMonths: 12,
    rules: [
      { id: "hours", kind: "total-hours", label: "Mandatory training hours", minHours: 8 },
      { id: "fire", kind: "topic-hours", label: "Fire safety", topic: "Fire safety", keywords: ["fire safety"], minHours: 2, exclusive: true },
    ],
  };
}

async function catalogProfileId(db: Database, slug: string): Promise<string> {
  const [row] = await db.select({ id: cpdProfiles.id }).from(cpdProfiles).where(and(isNull(cpdProfiles.holderId), eq(cpdProfiles.slug, slug)));
  return row!.id;
}

/** The holder's CPD rows without ids: profiles by slug, cycles by their profile's slug, overrides by their credential's identity. */
async function cpdRowsWithoutIds(db: Database, holderId: string) {
  const [profiles, cycles, activities, settings] = await Promise.all([
    db.select().from(cpdProfiles).where(eq(cpdProfiles.holderId, holderId)).orderBy(asc(cpdProfiles.slug)),
    db
      .select({ profile: cpdProfiles.slug, profileHolder: cpdProfiles.holderId, startsOn: cpdCycles.startsOn, endsOn: cpdCycles.endsOn, createdAt: cpdCycles.createdAt })
      .from(cpdCycles)
      .innerJoin(cpdProfiles, eq(cpdProfiles.id, cpdCycles.profileId))
      .where(eq(cpdCycles.holderId, holderId))
      .orderBy(asc(cpdProfiles.slug), asc(cpdCycles.startsOn)),
    db
      .select({ credential: credentials.dedupeKey, hours: cpdActivities.hours, participatory: cpdActivities.participatory, topics: cpdActivities.topics, recordKinds: cpdActivities.recordKinds, excluded: cpdActivities.excluded, updatedAt: cpdActivities.updatedAt })
      .from(cpdActivities)
      .innerJoin(credentials, eq(credentials.id, cpdActivities.credentialId))
      .where(and(eq(cpdActivities.holderId, holderId), eq(credentials.holderId, holderId)))
      .orderBy(asc(credentials.dedupeKey)),
    db.select({ inApp: cpdReminderSettings.inApp, email: cpdReminderSettings.email, updatedAt: cpdReminderSettings.updatedAt }).from(cpdReminderSettings).where(eq(cpdReminderSettings.holderId, holderId)),
  ]);
  return {
    profiles: profiles.map(({ id: _id, holderId: _holder, ...rest }) => rest),
    cycles: cycles.map(({ profileHolder, ...rest }) => ({ ...rest, catalog: profileHolder === null })),
    activities,
    settings,
  };
}

/** What the Renewal page shows for each cycle, without ids. */
async function cycleProgress(db: Database, holderId: string) {
  const views = await listCycleViews(db, holderId, NOW);
  return views.map((v) => ({ profile: v.profile.id, source: v.profileSource, startsOn: v.startsOn, endsOn: v.endsOn, rules: v.progress.rules.map((r) => [r.rule.id, r.counted, r.met]) })).sort((a, b) => (a.profile + a.startsOn).localeCompare(b.profile + b.startsOn));
}

/** Rows without the ids a restore necessarily changes. */
async function credentialRowsWithoutIds(db: Database, holderId: string) {
  const rows = await db.select().from(credentials).where(eq(credentials.holderId, holderId)).orderBy(asc(credentials.dedupeKey));
  return rows.map(({ id: _id, holderId: _holder, originalId: _original, parentId, ...rest }) => ({ ...rest, hasParent: parentId !== null }));
}

describeEachDatabase("wallet export and restore (security.md G3)", (ctx) => {
  it("export → restore into a fresh account → export gives the same archive, byte for byte", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const first = await exportBytes(db, holderId, { now: NOW, recordBatch: 2, fileBatchBytes: 64 });
    expect(first.bytes.length).toBe(first.totalBytes);
    expect(first.filename).toBe("tessera-wallet-2026-12-06.zip");
    expect(first.manifest.counts).toMatchObject({ credentials: 7, originals: 5, evidence: 1, images: 1, collections: 2, goals: 1, follows: 1, shares: 2, cpdProfiles: 2, cpdCycles: 3, cpdActivities: 2 });

    const entries = await unpack(first.bytes);
    const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as Record<string, unknown>;
    // Never a share token or its hash; never a database id.
    const text = [...entries.values()].map((b) => b.toString("latin1")).join("\n");
    expect(text).not.toMatch(/tsv_|tokenHash|tokenHint/);
    expect(text).not.toContain(holderId);
    for (const row of await db.select({ id: credentials.id }).from(credentials).where(eq(credentials.holderId, holderId))) expect(text).not.toContain(row.id);
    for (const row of await db.select({ id: cpdProfiles.id }).from(cpdProfiles)) expect(text).not.toContain(row.id);
    for (const row of await db.select({ id: cpdCycles.id }).from(cpdCycles).where(eq(cpdCycles.holderId, holderId))) expect(text).not.toContain(row.id);
    expect((wallet.shares as unknown[]).length).toBe(2);
    // Holder profiles by archive key, catalog ones by slug (the catalog itself is not exported); no send log.
    const cpd = wallet.cpd as { profiles: { key: string; slug: string }[]; cycles: { profile: string | null; catalogProfile: string | null }[]; reminders: unknown };
    expect(cpd.profiles.map((p) => [p.key, p.slug])).toEqual([
      ["p1", "ward-7-mandatory"],
      ["p2", "agency-induction"],
    ]);
    expect(cpd.cycles.map((c) => c.profile ?? c.catalogProfile)).toEqual(["nmc-revalidation", "p1", "p1"]);
    expect(cpd.reminders).toMatchObject({ inApp: true, email: false });
    expect(text).not.toMatch(/Florida Board of Nursing|reminderKey|cycle:x:2027/);
    for (const [name, data] of entries) if (name.startsWith("originals/")) expect(sha256(data)).toBe(name.slice("originals/".length));

    const target = await createTestHolder(db, email("fresh"), "Amara Okafor");
    const summary = await restoreWallet(db, target, first.bytes);
    expect(summary).toMatchObject({ credentials: 7, originals: 5, evidence: 1, images: 1, collections: 2, goals: 1, follows: 1, followsSkipped: 0, shares: 2, cpdProfiles: 2, cpdCycles: 3, cpdActivities: 2, reminderSettings: "restored" });
    expect(describeRestore(summary)).toMatch(/^Restored 7 credentials, .*2 CPD profiles, 3 CPD cycles, 2 CPD activity settings/);

    const second = await exportBytes(db, target, { now: NOW });
    const again = await unpack(second.bytes);
    expect(sha256(second.bytes)).toBe(sha256(first.bytes));
    expect([...again.keys()].sort()).toEqual([...entries.keys()].sort());
    for (const [name, data] of entries) expect(sha256(again.get(name)!), name).toBe(sha256(data));

    expect(await credentialRowsWithoutIds(db, target)).toEqual(await credentialRowsWithoutIds(db, holderId));
    const [image] = await db.select({ png: credentialImages.png }).from(credentialImages).innerJoin(credentials, eq(credentials.id, credentialImages.credentialId)).where(eq(credentials.holderId, target));
    expect(image!.png.byteLength).toBeGreaterThan(0);
    const notes = lines(again.get(CREDENTIALS_ENTRY)!).map((l) => l.holderNote);
    expect(notes).toContain("Renew before March — ward requirement.");
    // The goal's held component now names the restored credential, not the original holder's.
    const [goal] = await db.select({ goal: pathways.goal }).from(pathways).where(and(eq(pathways.holderId, target), eq(pathways.source, "goal")));
    const held = (goal!.goal!.components[0] as { credentialId: string }).credentialId;
    const [owner] = await db.select({ holderId: credentials.holderId, title: credentials.title }).from(credentials).where(eq(credentials.id, held));
    expect(owner).toEqual({ holderId: target, title: "Basic Life Support" });
    expect(manifestOf(again).entries).toEqual(manifestOf(entries).entries);
    expect(again.get(MANIFEST_ENTRY)!.equals(entries.get(MANIFEST_ENTRY)!)).toBe(true);

    // CPD: the same profiles, cycles, overrides and settings, and the same progress on the Renewal page.
    const restoredCpd = await cpdRowsWithoutIds(db, target);
    expect(restoredCpd).toEqual(await cpdRowsWithoutIds(db, holderId));
    expect(restoredCpd).toMatchObject({ profiles: [{ slug: "agency-induction" }, { slug: "ward-7-mandatory" }], activities: [{}, {}], settings: [{ inApp: true, email: false }] });
    expect(restoredCpd.cycles.map((c) => [c.profile, c.catalog])).toEqual([
      ["nmc-revalidation", true],
      ["ward-7-mandatory", false],
      ["ward-7-mandatory", false],
    ]);
    const [nmcCycle] = await db.select({ profileId: cpdCycles.profileId }).from(cpdCycles).where(and(eq(cpdCycles.holderId, target), eq(cpdCycles.startsOn, "2024-04-01")));
    expect(nmcCycle!.profileId).toBe(await catalogProfileId(db, "nmc-revalidation"));
    expect(await cycleProgress(db, target)).toEqual(await cycleProgress(db, holderId));
    expect((await cycleProgress(db, target)).some((c) => c.rules.some(([, counted]) => Number(counted) > 0))).toBe(true);
    expect(await db.$count(cpdReminderDeliveries, eq(cpdReminderDeliveries.holderId, target))).toBe(0);
  });

  it("restores an archive made before CPD (no cpd in wallet.json)", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const entries = await unpack((await exportBytes(db, holderId)).bytes);
    const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as Record<string, unknown>;
    delete wallet.cpd;
    entries.set(WALLET_ENTRY, Buffer.from(JSON.stringify(wallet)));
    const target = await createTestHolder(db, email("pre-cpd"));
    const summary = await restoreWallet(db, target, await repack(entries));
    expect(summary).toMatchObject({ credentials: 7, collections: 2, cpdProfiles: 0, cpdCycles: 0, cpdActivities: 0, reminderSettings: "none" });
    expect(await cpdRowsWithoutIds(db, target)).toEqual({ profiles: [], cycles: [], activities: [], settings: [] });
  });

  it("reminder settings alone leave a wallet empty, and a restore keeps them; a CPD profile or cycle does not", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const { bytes } = await exportBytes(db, holderId);

    const settingsOnly = await createTestHolder(db, email("settings-only"));
    await saveReminderSettings(db, settingsOnly, { inApp: false, email: false });
    const [before] = await db.select().from(cpdReminderSettings).where(eq(cpdReminderSettings.holderId, settingsOnly));
    const summary = await restoreWallet(db, settingsOnly, bytes);
    expect(summary).toMatchObject({ credentials: 7, cpdCycles: 3, reminderSettings: "kept" });
    expect(describeRestore(summary)).toContain("Your reminder settings in this account were kept");
    expect(await db.select().from(cpdReminderSettings).where(eq(cpdReminderSettings.holderId, settingsOnly))).toEqual([before]);

    const profileOnly = await createTestHolder(db, email("profile-only"));
    await createHolderProfile(db, profileOnly, ownProfile("ward-7-mandatory", "Ward 7 mandatory training"));
    const cycleOnly = await createTestHolder(db, email("cycle-only"));
    await createCycle(db, cycleOnly, { profileId: await catalogProfileId(db, "gphc-revalidation"), startsOn: "2026-01-01", endsOn: "2026-12-31" });
    for (const target of [profileOnly, cycleOnly]) {
      const snapshot = await holderSnapshot(db, target);
      await expect(restoreWallet(db, target, bytes)).rejects.toThrow(/already holds collections, goals, share links or CPD profiles and cycles/);
      expect(await holderSnapshot(db, target)).toEqual(snapshot);
    }
  });

  it("refuses to restore into a wallet that is not empty, and restoring twice changes nothing the second time", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const { bytes } = await exportBytes(db, holderId);
    const target = await createTestHolder(db, email("twice"));
    await restoreWallet(db, target, bytes);
    const before = await holderSnapshot(db, target);
    await expect(restoreWallet(db, target, bytes)).rejects.toThrow(/already holds 7 credentials/);
    expect(await holderSnapshot(db, target)).toEqual(before);
    const ownerBefore = await holderSnapshot(db, holderId);
    await expect(restoreWallet(db, holderId, bytes)).rejects.toThrow(/already holds/);
    expect(await holderSnapshot(db, holderId)).toEqual(ownerBefore);
  });

  it("two restores into one empty account at once: one succeeds, the other is refused", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const { bytes } = await exportBytes(db, holderId);
    const target = await createTestHolder(db, email("race"));
    const results = await Promise.allSettled([restoreWallet(db, target, bytes), restoreWallet(db, target, bytes)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.$count(credentials, eq(credentials.holderId, target))).toBe(7);
  });

  it("exports only the holder it is given: another holder's rows never appear", async () => {
    const db = ctx().db;
    const a = await richWallet(db);
    const other = await createTestHolder(db, email("other"));
    await storeTestCredential(db, other, { title: "Other holder's secret badge" });
    const mine = await exportBytes(db, other);
    expect(mine.manifest.counts.credentials).toBe(1);
    const text = [...(await unpack(mine.bytes)).values()].map((b) => b.toString("utf8")).join("\n");
    expect(text).toContain("Other holder's secret badge");
    expect(text).not.toMatch(/Sepsis Recognition|ICU application|Renew before March/);
    expect(text).not.toContain(a.holderId);
  });

  it("fails the download, rather than send an archive whose manifest lies, when the wallet changes mid-export", async () => {
    const db = ctx().db;
    const holderId = await createTestHolder(db, email("changing"));
    // Large records, one per batch: stream back-pressure stops the export long before the last one.
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await storeSignedTestCredential(db, holderId, { title: `Badge ${String(i).padStart(2, "0")}`, payload: { id: `urn:big:${i}`, text: "x".repeat(100_000) } })).id);
    const [newest] = await db.select({ id: credentials.id }).from(credentials).where(eq(credentials.holderId, holderId)).orderBy(desc(credentials.createdAt), desc(credentials.dedupeKey)).limit(1);
    const started = await exportWallet(db, holderId, { recordBatch: 1 });
    await setHolderNote(db, holderId, newest!.id, "written while the export was running");
    await expect(collect(started.stream)).rejects.toThrow(/wallet changed while it was being exported/);

    const deleting = await exportWallet(db, holderId, { recordBatch: 1 });
    await deleteCredentialForHolder(db, holderId, newest!.id);
    await expect(collect(deleting.stream)).rejects.toThrow(/wallet changed while it was being exported/);
    expect(ids).toHaveLength(40);
  });

  it("an empty wallet exports and restores", async () => {
    const db = ctx().db;
    const empty = await createTestHolder(db, email("empty"));
    const { bytes, manifest } = await exportBytes(db, empty);
    expect(manifest.counts.credentials).toBe(0);
    const target = await createTestHolder(db, email("empty-target"));
    expect((await restoreWallet(db, target, bytes)).credentials).toBe(0);
  });
});
