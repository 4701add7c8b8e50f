import { and, desc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  cpdCycles,
  cpdProfiles,
  cpdReminderDeliveries,
  credentialImages,
  credentials,
  pathways,
  users,
} from "@/db/schema";
import { storeSignedTestCredential } from "@/testkit/shares/signed-test-credential";
import { describeEachDatabase } from "@/testkit/each-database";
import { setHolderNote } from "@/lib/credential-store/annotations";
import { walletSummary } from "@/lib/wallet/list";
import { deleteCredentialForHolder } from "@/lib/credential-store/delete";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { CREDENTIALS_ENTRY, MANIFEST_ENTRY, WALLET_ENTRY } from "./format";
import { restoreWallet } from "./restore";
import { exportWallet } from "./export";
import { cpdRowsWithoutIds, credentialRowsWithoutIds, cycleProgress } from "@/testkit/wallet-archive/rows-without-ids";
import { catalogProfileId, email, NOW, richWallet } from "@/testkit/wallet-archive/rich-wallet";
import { describeRestore } from "./summary";
import { collect, exportBytes, lines, manifestOf, sha256, unpack } from "@/testkit/wallet-archive/archive-bytes";

describeEachDatabase("wallet export and restore (docs/threat-model.md G3)", (ctx) => {
  it("export → restore into a fresh account → export gives the same archive, byte for byte", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const first = await exportBytes(db, holderId, { now: NOW, recordBatch: 2, fileBatchBytes: 64 });
    expect(first.bytes.length).toBe(first.totalBytes);
    expect(first.filename).toBe("tessera-wallet-2026-12-06.zip");
    expect(first.manifest.counts).toMatchObject({
      credentials: 7,
      originals: 5,
      evidence: 1,
      images: 1,
      collections: 2,
      goals: 1,
      follows: 1,
      shares: 2,
      cpdProfiles: 2,
      cpdCycles: 3,
      cpdActivities: 2,
    });

    const entries = await unpack(first.bytes);
    const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as Record<string, unknown>;
    // Never a share token or its hash; never a database id.
    const text = [...entries.values()].map((b) => b.toString("latin1")).join("\n");
    expect(text).not.toMatch(/tsv_|tokenHash|tokenHint/);
    expect(text).not.toContain(holderId);
    for (const row of await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(eq(credentials.holderId, holderId)))
      expect(text).not.toContain(row.id);
    for (const row of await db.select({ id: cpdProfiles.id }).from(cpdProfiles)) expect(text).not.toContain(row.id);
    for (const row of await db.select({ id: cpdCycles.id }).from(cpdCycles).where(eq(cpdCycles.holderId, holderId)))
      expect(text).not.toContain(row.id);
    expect((wallet.shares as unknown[]).length).toBe(2);
    // Holder profiles by archive key, catalog ones by slug (the catalog itself is not exported); no send log.
    const cpd = wallet.cpd as {
      profiles: { key: string; slug: string }[];
      cycles: { profile: string | null; catalogProfile: string | null }[];
      reminders: unknown;
    };
    expect(cpd.profiles.map((p) => [p.key, p.slug])).toEqual([
      ["p1", "ward-7-mandatory"],
      ["p2", "agency-induction"],
    ]);
    expect(cpd.cycles.map((c) => c.profile ?? c.catalogProfile)).toEqual(["nmc-revalidation", "p1", "p1"]);
    expect(cpd.reminders).toMatchObject({ inApp: true, email: false });
    expect(text).not.toMatch(/Florida Board of Nursing|reminderKey|cycle:x:2027/);
    for (const [name, data] of entries)
      if (name.startsWith("originals/")) expect(sha256(data)).toBe(name.slice("originals/".length));

    // The same person in a fresh account with the sign-in address the archive names (the old
    // account moves to another address first: an address is one account's).
    const [rich] = await db.select({ email: users.email }).from(users).where(eq(users.id, holderId));
    await db
      .update(users)
      .set({ email: email("moved") })
      .where(eq(users.id, holderId));
    const target = await createTestHolder(db, rich!.email, "Amara Okafor");
    const summary = await restoreWallet(db, target, first.bytes);
    expect(summary).toMatchObject({
      credentials: 7,
      originals: 5,
      evidence: 1,
      images: 1,
      collections: 2,
      goals: 1,
      follows: 1,
      followsSkipped: 0,
      shares: 2,
      cpdProfiles: 2,
      cpdCycles: 3,
      cpdActivities: 2,
      reminderSettings: "restored",
      identities: { emailsSent: [], emailsAnother: 0, emailsNotSent: [], dids: 0, didsWithoutKey: 0 },
    });
    expect(describeRestore(summary)).toMatch(
      /^Restored 7 credentials, .*2 CPD profiles, 3 CPD cycles, 2 CPD activity settings/,
    );

    const second = await exportBytes(db, target, { now: NOW });
    const again = await unpack(second.bytes);
    expect(sha256(second.bytes)).toBe(sha256(first.bytes));
    expect([...again.keys()].sort()).toEqual([...entries.keys()].sort());
    for (const [name, data] of entries) expect(sha256(again.get(name)!), name).toBe(sha256(data));

    expect(await credentialRowsWithoutIds(db, target)).toEqual(await credentialRowsWithoutIds(db, holderId));
    const [image] = await db
      .select({ png: credentialImages.png })
      .from(credentialImages)
      .innerJoin(credentials, eq(credentials.id, credentialImages.credentialId))
      .where(eq(credentials.holderId, target));
    expect(image!.png.byteLength).toBeGreaterThan(0);
    const notes = lines(again.get(CREDENTIALS_ENTRY)!).map((l) => l.holderNote);
    expect(notes).toContain("Renew before March — ward requirement.");
    // Holder-set workload travels as what the holder confirmed, and counts again once restored.
    expect(lines(again.get(CREDENTIALS_ENTRY)!).flatMap((l) => (l.holderWorkload ? [l.holderWorkload] : []))).toEqual([
      { mentionedHours: 25, creditUnit: "ects" },
    ]);
    expect(await walletSummary(db, target, NOW)).toMatchObject({ holderSetHours: 25, holderSetEcts: 1 });
    // The goal's held component now names the restored credential, not the original holder's.
    const [goal] = await db
      .select({ goal: pathways.goal })
      .from(pathways)
      .where(and(eq(pathways.holderId, target), eq(pathways.source, "goal")));
    const held = (goal!.goal!.components[0] as { credentialId: string }).credentialId;
    const [owner] = await db
      .select({ holderId: credentials.holderId, title: credentials.title })
      .from(credentials)
      .where(eq(credentials.id, held));
    expect(owner).toEqual({ holderId: target, title: "Basic Life Support" });
    expect(manifestOf(again).entries).toEqual(manifestOf(entries).entries);
    expect(again.get(MANIFEST_ENTRY)!.equals(entries.get(MANIFEST_ENTRY)!)).toBe(true);

    // CPD: the same profiles, cycles, overrides and settings, and the same progress on the Renewal page.
    const restoredCpd = await cpdRowsWithoutIds(db, target);
    expect(restoredCpd).toEqual(await cpdRowsWithoutIds(db, holderId));
    expect(restoredCpd).toMatchObject({
      profiles: [{ slug: "agency-induction" }, { slug: "ward-7-mandatory" }],
      activities: [{}, {}],
      settings: [{ inApp: true, email: false }],
    });
    expect(restoredCpd.cycles.map((c) => [c.profile, c.catalog])).toEqual([
      ["nmc-revalidation", true],
      ["ward-7-mandatory", false],
      ["ward-7-mandatory", false],
    ]);
    const [nmcCycle] = await db
      .select({ profileId: cpdCycles.profileId })
      .from(cpdCycles)
      .where(and(eq(cpdCycles.holderId, target), eq(cpdCycles.startsOn, "2024-04-01")));
    expect(nmcCycle!.profileId).toBe(await catalogProfileId(db, "nmc-revalidation"));
    expect(await cycleProgress(db, target)).toEqual(await cycleProgress(db, holderId));
    expect((await cycleProgress(db, target)).some((c) => c.rules.some(([, counted]) => Number(counted) > 0))).toBe(
      true,
    );
    expect(await db.$count(cpdReminderDeliveries, eq(cpdReminderDeliveries.holderId, target))).toBe(0);
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
    for (let i = 0; i < 40; i++)
      ids.push(
        (
          await storeSignedTestCredential(db, holderId, {
            title: `Badge ${String(i).padStart(2, "0")}`,
            payload: { id: `urn:big:${i}`, text: "x".repeat(100_000) },
          })
        ).id,
      );
    const [newest] = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(eq(credentials.holderId, holderId))
      .orderBy(desc(credentials.createdAt), desc(credentials.dedupeKey))
      .limit(1);
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
