import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { cpdReminderSettings } from "@/db/schema";
import { createCycle } from "@/lib/cpd/cycles-data";
import { createHolderProfile } from "@/lib/cpd/profiles-data";
import { saveReminderSettings } from "@/lib/cpd/reminders-data";
import { describeEachDatabase } from "@/testkit/each-database";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { createTestHolder } from "@/testkit/wallet/test-credentials";
import { WALLET_ENTRY } from "./format";
import { restoreWallet } from "./restore";
import { cpdRowsWithoutIds } from "@/testkit/wallet-archive/rows-without-ids";
import { catalogProfileId, email, ownProfile, richWallet } from "@/testkit/wallet-archive/rich-wallet";
import { describeRestore } from "./summary";
import { exportBytes, repack, unpack } from "@/testkit/wallet-archive/archive-bytes";

/** CPD across a restore: archives made before it, and what counts as an empty wallet (docs/decisions/0015). */

describeEachDatabase("wallet export and restore (docs/threat-model.md G3): CPD", (ctx) => {
  it("restores an archive made before CPD (no cpd in wallet.json)", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const entries = await unpack((await exportBytes(db, holderId)).bytes);
    const wallet = JSON.parse(entries.get(WALLET_ENTRY)!.toString("utf8")) as Record<string, unknown>;
    delete wallet.cpd;
    entries.set(WALLET_ENTRY, Buffer.from(JSON.stringify(wallet)));
    const target = await createTestHolder(db, email("pre-cpd"));
    const summary = await restoreWallet(db, target, await repack(entries));
    expect(summary).toMatchObject({
      credentials: 7,
      collections: 2,
      cpdProfiles: 0,
      cpdCycles: 0,
      cpdActivities: 0,
      reminderSettings: "none",
    });
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
    expect(await db.select().from(cpdReminderSettings).where(eq(cpdReminderSettings.holderId, settingsOnly))).toEqual([
      before,
    ]);

    const profileOnly = await createTestHolder(db, email("profile-only"));
    await createHolderProfile(db, profileOnly, ownProfile("ward-7-mandatory", "Ward 7 mandatory training"));
    const cycleOnly = await createTestHolder(db, email("cycle-only"));
    await createCycle(db, cycleOnly, {
      profileId: await catalogProfileId(db, "gphc-revalidation"),
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    });
    for (const target of [profileOnly, cycleOnly]) {
      const snapshot = await holderSnapshot(db, target);
      await expect(restoreWallet(db, target, bytes)).rejects.toThrow(
        /already holds collections, goals, share links or CPD profiles and cycles/,
      );
      expect(await holderSnapshot(db, target)).toEqual(snapshot);
    }
  });
});
