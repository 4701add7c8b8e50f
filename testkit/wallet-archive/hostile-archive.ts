import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, expect } from "vitest";
import type { Database } from "@/db/client";
import { cpdProfiles } from "@/db/schema";
import { saveActivityOverride } from "@/lib/cpd/activities-data";
import { createCycle } from "@/lib/cpd/cycles-data";
import { createHolderProfile } from "@/lib/cpd/profiles-data";
import { saveReminderSettings } from "@/lib/cpd/reminders-data";
import type { ZipInput } from "@/testkit/hostile-input/builders";
import { saveGoal } from "@/lib/stacking/goals-data";
import { createShare } from "@/lib/shares/data";
import { storeSignedTestCredential } from "@/testkit/shares/signed-test-credential";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import type { TestDatabase } from "@/testkit/test-database";
import { addToCollection, createCollection } from "@/lib/wallet/collections";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { CREDENTIALS_ENTRY, WALLET_ENTRY } from "@/lib/wallet-archive/format";
import { restoreWallet } from "@/lib/wallet-archive/restore";
import { exportBytes, lines, repack, toJsonl, unpack } from "./archive-bytes";

/**
 * The hostile-restore suites' fixture (docs/threat-model.md G2): one exported archive with something of
 * every kind, a victim holder whose ids an edited archive may name, and edits that tamper with it.
 */

let serial = 0;
export const email = (label: string) => `${label}-${++serial}-${Date.now()}@hostile-restore.test`;

export type Edit = (entries: Map<string, Buffer>) => Promise<Uint8Array> | Uint8Array;

export const editLines = (edit: (rows: Record<string, unknown>[]) => void) => (entries: Map<string, Buffer>) => {
  const rows = lines(entries.get(CREDENTIALS_ENTRY)!);
  edit(rows);
  entries.set(CREDENTIALS_ENTRY, toJsonl(rows));
  return repack(entries);
};
export const editWallet =
  (edit: (wallet: Record<string, Record<string, unknown>[]>) => void) => (entries: Map<string, Buffer>) => {
    const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as Record<string, Record<string, unknown>[]>;
    edit(wallet);
    entries.set(WALLET_ENTRY, Buffer.from(JSON.stringify(wallet)));
    return repack(entries);
  };
export type Row = Record<string, unknown>;
export interface CpdRows {
  profiles: (Row & { definition: Row & { rules: Row[] } })[];
  cycles: Row[];
  activities: Row[];
  reminders: Row | null;
}
export const editCpd = (edit: (cpd: CpdRows) => void) => (entries: Map<string, Buffer>) => {
  const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as { cpd: CpdRows };
  edit(wallet.cpd);
  entries.set(WALLET_ENTRY, Buffer.from(JSON.stringify(wallet)));
  return repack(entries);
};
/** The archive's cycle on the holder's own profile (the other is on the NMC catalog profile). */
export const ownCycle = (cpd: CpdRows) => cpd.cycles.find((c) => c.profile !== null)!;
export const catalogCycle = (cpd: CpdRows) => cpd.cycles.find((c) => c.catalogProfile !== null)!;

export const ownProfile = (id: string) => ({
  id,
  name: `Profile ${id}`,
  regulator: "St Aldhelm's Hospital",
  profession: "Nurse",
  jurisdiction: "Ward 7",
  source: { title: "Mandatory training policy", retrieved: "2026-01-01" },
  cycleMonths: 12,
  rules: [
    { id: "hours", kind: "total-hours", label: "Mandatory training hours", minHours: 8 },
    { id: "participatory", kind: "participatory-hours", label: "Participatory hours", minHours: 4 },
  ],
});

export const withExtra =
  (...extra: ZipInput[]) =>
  (entries: Map<string, Buffer>) =>
    repack(entries, { rehash: false, extra });

export interface Victim {
  holderId: string;
  credentialId: string;
  collectionId: string;
  profileId: string;
  cycleId: string;
}

/**
 * Sets the fixture up before the suite's tests (in a describeEachDatabase suite) and returns it,
 * with expectRefused: the edited archive is refused with the reason, and neither the target nor
 * the victim changes.
 */
export function hostileArchive(ctx: () => TestDatabase) {
  const fixture = {} as {
    db: Database;
    archive: Buffer;
    victim: Victim;
    expectRefused: (edit: Edit, reason: RegExp) => Promise<void>;
  };

  beforeAll(async () => {
    const db = (fixture.db = ctx().db);
    const owner = await createTestHolder(db, email("owner"));
    const clr = await storeSignedTestCredential(db, owner, {
      title: "Critical Care Transcript",
      image: true,
      children: [{ title: "Ventilator Care" }],
    });
    await storeSignedTestCredential(db, owner, {
      title: "Manual Handling",
      selfReported: true,
      evidence: { filename: "cert.pdf", bytes: new TextEncoder().encode("%PDF-1.4") },
    });
    const plain = await storeTestCredential(db, owner, { title: "Basic Life Support" });
    const collection = await createCollection(db, owner, { name: "ICU application" });
    await addToCollection(db, owner, collection.id, [plain, clr.id]);
    await createShare(db, owner, { scope: "selection", credentialIds: [plain], expiry: 30 });
    await saveGoal(db, owner, {
      title: "ICU readiness",
      targetTitle: "Critical Care Certificate",
      targetKind: "certificate",
      heldCredentialIds: [plain],
    });
    const ward = await createHolderProfile(db, owner, ownProfile("ward-7-mandatory"));
    const [nmc] = await db
      .select({ id: cpdProfiles.id })
      .from(cpdProfiles)
      .where(and(isNull(cpdProfiles.holderId), eq(cpdProfiles.slug, "nmc-revalidation")));
    await createCycle(db, owner, { profileId: nmc!.id, startsOn: "2024-04-01", endsOn: "2027-03-31" });
    await createCycle(db, owner, { profileId: ward.id, startsOn: "2026-01-01", endsOn: "2026-12-31" });
    await saveActivityOverride(db, owner, plain, {
      hours: 3,
      participatory: true,
      topics: ["Fire safety"],
      recordKinds: null,
      excluded: false,
    });
    await saveReminderSettings(db, owner, { inApp: true, email: false });
    fixture.archive = (await exportBytes(db, owner)).bytes;

    const victimId = await createTestHolder(db, email("victim"));
    const credentialId = await storeTestCredential(db, victimId, { title: "Victim's credential" });
    const victimCollection = await createCollection(db, victimId, { name: "Victim's collection" });
    const victimProfile = await createHolderProfile(db, victimId, ownProfile("victim-training"));
    const victimCycle = await createCycle(db, victimId, {
      profileId: victimProfile.id,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    });
    await saveActivityOverride(db, victimId, credentialId, {
      hours: 1,
      participatory: null,
      topics: null,
      recordKinds: null,
      excluded: false,
    });
    fixture.victim = {
      holderId: victimId,
      credentialId,
      collectionId: victimCollection.id,
      profileId: victimProfile.id,
      cycleId: victimCycle.id,
    };
  });

  fixture.expectRefused = async (edit: Edit, reason: RegExp) => {
    const { db, archive, victim } = fixture;
    const target = await createTestHolder(db, email("target"));
    const bytes = await edit(await unpack(archive));
    const [targetBefore, victimBefore] = await Promise.all([
      holderSnapshot(db, target),
      holderSnapshot(db, victim.holderId),
    ]);
    await expect(restoreWallet(db, target, bytes)).rejects.toThrow(reason);
    expect(await holderSnapshot(db, target)).toEqual(targetBefore);
    expect(await holderSnapshot(db, victim.holderId)).toEqual(victimBefore);
  };
  return fixture;
}
