import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials, holderWorkloads } from "@/db/schema";
import { buildActivity } from "@/lib/cpd/activity";
import { loadActivitySources } from "@/lib/cpd/activities-data";
import { holderStack } from "@/lib/stacking/credentials-data";
import { listWallet, walletSummary } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { confirmMentionedHours, getHolderWorkload, setCreditUnit, undoHolderWorkload } from "./data";

const now = new Date("2026-11-23T12:00:00Z");

describeEachDatabase("holder-set workload", (ctx) => {
  let holder: string;
  let other: string;
  let mentioned: string;
  let credited: string;
  let stated: string;
  let silent: string;

  it("starts with a wallet where nothing states hours: the summary says so rather than 0", async () => {
    const db = ctx().db;
    holder = await createTestHolder(db, "hours@example.org");
    other = await createTestHolder(db, "other-hours@example.org");
    mentioned = await storeTestCredential(db, holder, {
      title: "Safe Medication Administration",
      description: "Notional workload: 30 hours (1 ECTS)",
    });
    silent = await storeTestCredential(db, holder, { title: "Hand Hygiene", description: "Care 24 hours a day." });
    const summary = await walletSummary(db, holder, now);
    expect(summary).toMatchObject({ hours: 0, withHours: 0, ects: 0, withEcts: 0, holderSetHours: 0 });
  });

  it("counts the hours the text mentions once the holder confirms, without touching the credential", async () => {
    const db = ctx().db;
    const [before] = await db.select().from(credentials).where(eq(credentials.id, mentioned));
    expect(await confirmMentionedHours(db, holder, mentioned)).toEqual({
      mentionedHours: 30,
      creditUnit: null,
      hours: 30,
      ects: null,
    });
    const [after] = await db.select().from(credentials).where(eq(credentials.id, mentioned));
    expect(after!.record).toEqual(before!.record);
    expect(after!.hours).toBeNull();
    expect(after!.originalId).toBe(before!.originalId);

    const summary = await walletSummary(db, holder, now);
    expect(summary).toMatchObject({ hours: 30, holderSetHours: 30, withHours: 1 });
    const card = (await listWallet(db, holder, parseWalletQuery({ q: "medication" }), now)).items[0]!;
    expect(card).toMatchObject({ hours: null, holderHours: 30, holderEcts: null });
  });

  it("counts holder-set hours on a CPD cycle as holder-set, and on pathways marked as the holder's", async () => {
    const db = ctx().db;
    const source = (await loadActivitySources(db, holder)).find((s) => s.credentialId === mentioned)!;
    expect(source.holderSetHours).toBe(30);
    expect(buildActivity(source, 25)).toMatchObject({ hours: 30, hoursSource: "holder-set" });
    const stack = await holderStack(db, holder);
    expect(stack.counted.find((c) => c.id === mentioned)).toMatchObject({ hours: 30, hoursHolderSet: true });
    expect(stack.counted.find((c) => c.id === silent)).toMatchObject({ hours: undefined, hoursHolderSet: undefined });
  });

  it("refuses a credential whose text mentions no hours, and another holder's credential", async () => {
    const db = ctx().db;
    await expect(confirmMentionedHours(db, holder, silent)).rejects.toMatchObject({ code: "conflict" });
    await expect(confirmMentionedHours(db, other, mentioned)).rejects.toMatchObject({ code: "not_found" });
    await expect(undoHolderWorkload(db, other, mentioned, "mentioned-hours")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getHolderWorkload(db, other, mentioned)).toBeNull();
    expect(await db.select().from(holderWorkloads).where(eq(holderWorkloads.credentialId, silent))).toEqual([]);
  });

  it("counts a unit-less credit only once the holder names its unit; another unit is kept, not counted", async () => {
    const db = ctx().db;
    credited = await storeTestCredential(db, holder, { title: "Wound Care", credits: 2 });
    await expect(confirmMentionedHours(db, holder, credited)).rejects.toMatchObject({ code: "conflict" });
    await expect(setCreditUnit(db, holder, silent, "ects")).rejects.toMatchObject({ code: "conflict" });
    expect(await setCreditUnit(db, holder, credited, "other")).toMatchObject({ hours: null, ects: null });
    expect(await walletSummary(db, holder, now)).toMatchObject({ ects: 0, withEcts: 0 });
    expect(await setCreditUnit(db, holder, credited, "ects")).toMatchObject({ creditUnit: "ects", ects: 2 });
    expect(await walletSummary(db, holder, now)).toMatchObject({ ects: 2, holderSetEcts: 2, withEcts: 1 });
    expect(await setCreditUnit(db, holder, credited, "hours")).toMatchObject({ hours: 2, ects: null });
    expect(await walletSummary(db, holder, now)).toMatchObject({ hours: 32, holderSetHours: 32, ects: 0 });
  });

  it("never lets a holder-set figure replace or add to one the credential states", async () => {
    const db = ctx().db;
    stated = await storeTestCredential(db, holder, { title: "Sepsis", hours: 6, ects: 1, credits: 3 });
    expect(await setCreditUnit(db, holder, stated, "ects")).toMatchObject({ hours: null, ects: null });
    expect(await walletSummary(db, holder, now)).toMatchObject({ hours: 38, holderSetHours: 32, ects: 1 });
  });

  it("undoes: back to what the credential states, the row gone once nothing is set", async () => {
    const db = ctx().db;
    expect(await undoHolderWorkload(db, holder, mentioned, "mentioned-hours")).toBeNull();
    expect(await getHolderWorkload(db, holder, mentioned)).toBeNull();
    expect(await undoHolderWorkload(db, holder, credited, "credit-unit")).toBeNull();
    expect(await undoHolderWorkload(db, holder, stated, "credit-unit")).toBeNull();
    expect(await walletSummary(db, holder, now)).toMatchObject({ hours: 6, holderSetHours: 0, withHours: 1 });
    const source = (await loadActivitySources(db, holder)).find((s) => s.credentialId === mentioned)!;
    expect(buildActivity(source, 25)).toMatchObject({ hours: 0, hoursSource: "none" });
  });
});
