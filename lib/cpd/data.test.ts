import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { cpdProfiles, cpdReminderDeliveries, users } from "@/db/schema";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import type { OutgoingMail } from "@/lib/auth/mailer";
import { clearActivityOverride, saveActivityOverride } from "./activities-data";
import { syncCpdCatalog } from "./catalog-sync";
import { createCycle, deleteCycle, getCycleView, listCycleViews } from "./cycles-data";
import { sendDueReminderDigests } from "./digest";
import { DomainError } from "@/lib/errors/domain-error";
import { createHolderProfile, deleteHolderProfile, getProfileForHolder, listProfilesForHolder } from "./profiles-data";
import { listNotificationsForHolder, saveReminderSettings } from "./reminders-data";

const NOW = new Date("2026-12-06T12:00:00Z");
const own = (name: string) => ({
  id: name.toLowerCase().replace(/\s+/g, "-"),
  name,
  regulator: "St Mary's Hospital",
  profession: "Nurse",
  jurisdiction: "Ward 7",
  source: { title: "Mandatory training policy", retrieved: "2026-01-01" },
  cycleMonths: 12,
  rules: [{ id: "hours", kind: "total-hours", label: "Mandatory training hours", minHours: 8 }],
});

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeEachDatabase("CPD data layer", (ctx) => {
  const nmcId = async () =>
    (
      await ctx().db.select({ id: cpdProfiles.id }).from(cpdProfiles).where(eq(cpdProfiles.slug, "nmc-revalidation"))
    )[0]!.id;

  it("seeds the catalog on migrate, idempotently", async () => {
    const { db } = ctx();
    await syncCpdCatalog(db);
    await syncCpdCatalog(db);
    const rows = await db.select({ slug: cpdProfiles.slug }).from(cpdProfiles);
    expect(rows.map((r) => r.slug).sort()).toEqual([
      "california-brn-rn",
      "florida-bon-rn-lpn",
      "gphc-revalidation",
      "nmc-revalidation",
    ]);
    await expect(syncCpdCatalog(db, [{ ...own("Broken"), rules: [] }])).rejects.toThrow("at least one rule");
  });

  it("counts an NMC cycle from the wallet, with the holder's overrides, never double counting", async () => {
    const { db } = ctx();
    const holder = await createTestHolder(db, "cpd-count@example.org");
    const a = await storeTestCredential(db, holder, {
      title: "Sepsis recognition workshop",
      hours: 12,
      issued: "2025-03-01",
      verdict: "verified",
    });
    const b = await storeTestCredential(db, holder, { title: "Wound care module", ects: 1, issued: "2025-09-01" });
    await storeTestCredential(db, holder, { title: "Old course", hours: 30, issued: "2020-01-01" });
    const cycle = await createCycle(db, holder, {
      profileId: await nmcId(),
      startsOn: "2024-04-01",
      endsOn: "2027-03-31",
    });
    await saveActivityOverride(db, holder, a, {
      hours: null,
      participatory: true,
      topics: null,
      recordKinds: ["reflective-account"],
      excluded: false,
    });
    const view = (await getCycleView(db, holder, cycle.id, NOW))!;
    const [total, participatory, , reflective] = view.progress.rules;
    expect(total).toMatchObject({ counted: 37, met: true, activityIds: [a, b] });
    expect(participatory).toMatchObject({ counted: 12, missing: 8 });
    expect(reflective).toMatchObject({ counted: 1, missing: 4 });
    expect(view.progress.daysLeft).toBe(115);
    expect(view.progress.outside.map((x) => x.title)).toEqual(["Old course"]);
  });

  it("refuses overlapping and backwards cycles with clear messages", async () => {
    const { db } = ctx();
    const holder = await createTestHolder(db, "cpd-cycles@example.org");
    const profileId = await nmcId();
    await createCycle(db, holder, { profileId, startsOn: "2024-04-01", endsOn: "2027-03-31" });
    const overlap = await refusal(createCycle(db, holder, { profileId, startsOn: "2027-01-01", endsOn: "2029-12-31" }));
    expect(overlap.message).toContain("overlaps your cycle from 2024-04-01 to 2027-03-31");
    const backwards = await refusal(
      createCycle(db, holder, { profileId, startsOn: "2030-05-01", endsOn: "2030-01-01" }),
    );
    expect(backwards.fieldErrors?.endsOn).toEqual(["The cycle must end after it starts."]);
    // Another holder's cycle on the same profile is no overlap of this holder's.
    const other = await createTestHolder(db, "cpd-cycles-2@example.org");
    await expect(
      createCycle(db, other, { profileId, startsOn: "2025-01-01", endsOn: "2027-12-31" }),
    ).resolves.toHaveProperty("id");
  });

  it("validates a holder's own profile with the catalog's schema and keeps it private", async () => {
    const { db } = ctx();
    const holder = await createTestHolder(db, "cpd-own@example.org");
    const other = await createTestHolder(db, "cpd-own-other@example.org");
    const impossible = await refusal(
      createHolderProfile(db, holder, {
        ...own("Impossible"),
        rules: [
          { id: "t", kind: "total-hours", label: "T", minHours: 5 },
          { id: "p", kind: "participatory-hours", label: "P", minHours: 9 },
        ],
      }),
    );
    expect(impossible.message).toContain("a part cannot need more than the whole");
    const profile = await createHolderProfile(db, holder, own("Annual mandatory training"));
    await expect(createHolderProfile(db, holder, own("Annual mandatory training"))).rejects.toThrow(
      "already have a profile",
    );
    expect((await listProfilesForHolder(db, holder)).map((p) => p.definition.name)).toContain(
      "Annual mandatory training",
    );
    expect((await listProfilesForHolder(db, other)).map((p) => p.definition.name)).not.toContain(
      "Annual mandatory training",
    );
    expect(await getProfileForHolder(db, other, profile.id)).toBeNull();
    expect(await deleteHolderProfile(db, other, profile.id)).toBe(false);
    expect(await deleteHolderProfile(db, holder, await nmcId())).toBe(false);
    expect(await deleteHolderProfile(db, holder, profile.id)).toBe(true);
  });

  it("refuses another holder's profile, cycle and credential, and changes nothing", async () => {
    const { db } = ctx();
    const alice = await createTestHolder(db, "cpd-alice@example.org");
    const bob = await createTestHolder(db, "cpd-bob@example.org");
    const aliceProfile = await createHolderProfile(db, alice, own("Alice training"));
    const aliceCredential = await storeTestCredential(db, alice, {
      title: "Alice course",
      hours: 3,
      issued: "2026-02-01",
    });
    const aliceCycle = await createCycle(db, alice, {
      profileId: aliceProfile.id,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    });
    await saveActivityOverride(db, alice, aliceCredential, {
      hours: 4,
      participatory: null,
      topics: ["Fire safety"],
      recordKinds: null,
      excluded: false,
    });
    const before = await holderSnapshot(db, alice);
    expect(
      (
        await refusal(
          createCycle(db, bob, { profileId: aliceProfile.id, startsOn: "2026-01-01", endsOn: "2026-12-31" }),
        )
      ).code,
    ).toBe("not_found");
    expect(
      (
        await refusal(
          saveActivityOverride(db, bob, aliceCredential, {
            hours: 99,
            participatory: true,
            topics: null,
            recordKinds: null,
            excluded: false,
          }),
        )
      ).code,
    ).toBe("not_found");
    expect((await refusal(clearActivityOverride(db, bob, aliceCredential))).code).toBe("not_found");
    expect(await getCycleView(db, bob, aliceCycle.id, NOW)).toBeNull();
    expect(await deleteCycle(db, bob, aliceCycle.id)).toBe(false);
    expect(await listCycleViews(db, bob, NOW)).toEqual([]);
    expect(await holderSnapshot(db, alice)).toEqual(before);
  });

  it("reminds in the app and by email once per threshold, and respects opt-out", async () => {
    const { db } = ctx();
    const holder = await createTestHolder(db, "cpd-remind@example.org");
    const quiet = await createTestHolder(db, "cpd-quiet@example.org");
    await storeTestCredential(db, holder, { title: "Basic Life Support", validUntil: "2027-01-01T00:00:00Z" });
    await storeTestCredential(db, quiet, { title: "Quiet BLS", validUntil: "2027-01-01T00:00:00Z" });
    await createCycle(db, holder, { profileId: await nmcId(), startsOn: "2024-02-01", endsOn: "2027-01-31" });
    await saveReminderSettings(db, quiet, { inApp: false, email: false });

    const notes = await listNotificationsForHolder(db, holder, NOW);
    expect(notes.reminders.map((r) => [r.kind, r.threshold])).toEqual([
      ["credential-expiring", 30],
      ["cycle-ending", 90],
    ]);
    expect(await listNotificationsForHolder(db, quiet, NOW)).toEqual({ enabled: false, reminders: [] });

    const sent: OutgoingMail[] = [];
    const deps = { send: async (mail: OutgoingMail) => void sent.push(mail), appUrl: "https://wallet.example.org" };
    await sendDueReminderDigests(db, NOW, deps);
    const mine = sent.filter((m) => m.to === "cpd-remind@example.org");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toContain("Basic Life Support expires in 26 days");
    expect(mine[0]!.text).toContain("https://wallet.example.org/renewal/cycles/");
    expect(sent.some((m) => m.to === "cpd-quiet@example.org")).toBe(false);

    await sendDueReminderDigests(db, NOW, deps);
    await sendDueReminderDigests(db, new Date(NOW.getTime() + 3_600_000), deps);
    expect(sent.filter((m) => m.to === "cpd-remind@example.org")).toHaveLength(1);

    // 20 days later the credential crosses 7 days: one new mail with only that reminder.
    await sendDueReminderDigests(db, new Date("2026-12-26T12:00:00Z"), deps);
    const later = sent.filter((m) => m.to === "cpd-remind@example.org");
    expect(later).toHaveLength(2);
    expect(later[1]!.text).toContain("expires in 6 days");
    expect(later[1]!.text).not.toContain("cycle ends");
  });

  it("rolls a failed send back so the next run tries again", async () => {
    const { db } = ctx();
    const holder = await createTestHolder(db, "cpd-retry@example.org");
    await storeTestCredential(db, holder, { title: "ALS", validUntil: "2026-12-10T00:00:00Z" });
    const failing = await sendDueReminderDigests(db, NOW, {
      send: () => Promise.reject(new Error("smtp down")),
      appUrl: "https://w.example",
    });
    expect(failing.failures).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(cpdReminderDeliveries).where(eq(cpdReminderDeliveries.holderId, holder))).toEqual([]);
    const sent: string[] = [];
    await sendDueReminderDigests(db, NOW, { send: async (m) => void sent.push(m.to), appUrl: "https://w.example" });
    expect(sent).toContain("cpd-retry@example.org");
  });

  it("goes with the account", async () => {
    const { db } = ctx();
    const holder = await createTestHolder(db, "cpd-delete@example.org");
    const profile = await createHolderProfile(db, holder, own("To delete"));
    await createCycle(db, holder, { profileId: profile.id, startsOn: "2026-01-01", endsOn: "2026-12-31" });
    await saveReminderSettings(db, holder, { inApp: true, email: false });
    const credential = await storeTestCredential(db, holder, {
      title: "Fire safety",
      hours: 1,
      issued: "2026-03-01",
      validUntil: "2027-01-01T00:00:00Z",
    });
    await saveActivityOverride(db, holder, credential, {
      hours: 2,
      participatory: null,
      topics: null,
      recordKinds: null,
      excluded: false,
    });
    await db.insert(cpdReminderDeliveries).values({ holderId: holder, reminderKey: "credential:x:2027-01-01:30" });
    await db.delete(users).where(eq(users.id, holder));
    const empty = { profiles: [], cycles: [], activities: [], settings: [], deliveries: [] };
    expect((await holderSnapshot(db, holder)) as { cpd: unknown }).toMatchObject({ cpd: empty });
  });
});
