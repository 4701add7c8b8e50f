import { and, eq, isNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials, pathwayFollows, pathways } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_PATHWAY_COMPONENTS_HELD, DEMO_PATHWAY_COMPONENTS_MISSING } from "@/db/seed-demo-credentials";
import { issueComponentBadge } from "@/db/demo-academy";
import { importOne } from "@/lib/import/jobs";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { createGuardedFetch } from "@/lib/net";
import { CATALOG, DEMO_ISSUER } from "@/lib/stacking";
import { describeEachDatabase } from "@/testkit/each-database";
import { deleteCredentialForHolder } from "@/lib/credential-store/delete";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { syncCatalog } from "./catalog-sync";
import { followPathway, pathwayOverviewForHolder, pathwaysCountingCredential, unfollowPathway } from "./data";
import { deleteGoal, saveGoal } from "./goals-data";

const ICD11 = "icd-11-clinical-coding";
const byslug = (overview: Awaited<ReturnType<typeof pathwayOverviewForHolder>>, slug: string) =>
  overview.pathways.find((p) => p.definition.id === slug)!;

describeEachDatabase("pathways in the data layer", (ctx) => {
  it("ships the catalog with the migrations, and syncing again changes nothing", async () => {
    const db = ctx().db;
    const rows = await db.select({ slug: pathways.slug }).from(pathways).where(isNull(pathways.holderId));
    expect(rows.map((r) => r.slug).sort()).toEqual(CATALOG.map((d) => d.id).sort());
    await syncCatalog(db);
    expect(await db.$count(pathways, isNull(pathways.holderId))).toBe(CATALOG.length);
  });

  it("moves the demo holder's ICD-11 pathway from 3 of 5 to 5 of 5 as the last two modules are imported", async () => {
    const db = ctx().db;
    const { holderId } = await seedDemo(db, { withCredentials: true });
    const before = byslug(await pathwayOverviewForHolder(db, holderId), ICD11);
    expect(before.progress.percentByCount).toBe(60);
    expect(before.progress.complete).toBe(false);
    expect(before.progress.missing.map((m) => m.label)).toEqual(DEMO_PATHWAY_COMPONENTS_MISSING.map((c) => c.title));

    const fetch = createGuardedFetch({ documents: new Map() });
    const deps = { fetch, verify: await verificationDepsForHolder(db, holderId, fetch) };
    for (const component of DEMO_PATHWAY_COMPONENTS_MISSING) {
      const badge = await issueComponentBadge(
        component,
        { email: "amara.okafor@demo.tessera.test", name: "Amara Okafor" },
        "2026-10-01T09:00:00Z",
      );
      const report = await importOne(
        db,
        holderId,
        { name: `${component.requirementId}.json`, bytes: new TextEncoder().encode(JSON.stringify(badge)) },
        deps,
      );
      expect(report.outcome).toBe("imported");
    }
    const after = byslug(await pathwayOverviewForHolder(db, holderId), ICD11);
    expect(after.progress).toMatchObject({ complete: true, percentByCount: 100, targetHeld: false });
    expect(after.progress.credentialIds).toHaveLength(5);

    // Deleting a module lowers it again: progress is computed from the wallet as it is now.
    const [one] = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(and(eq(credentials.holderId, holderId), eq(credentials.title, DEMO_PATHWAY_COMPONENTS_MISSING[0]!.title)));
    expect((await pathwaysCountingCredential(db, holderId, one!.id)).counting.map((p) => p.definition.id)).toContain(
      ICD11,
    );
    await deleteCredentialForHolder(db, holderId, one!.id);
    expect(byslug(await pathwayOverviewForHolder(db, holderId), ICD11).progress.percentByCount).toBe(80);
  });

  it("does not count a credential whose signature or status failed, and shows an expired one as expired", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "stacking-honesty@example.org");
    const [foundations, diagnoses] = DEMO_PATHWAY_COMPONENTS_HELD;
    const forged = await storeTestCredential(db, holder, {
      title: foundations!.title,
      issuer: DEMO_ISSUER.name,
      verdict: "not-verified",
    });
    await db
      .update(credentials)
      .set({
        verification: {
          verdict: "not-verified",
          checkedAt: new Date().toISOString(),
          checks: [{ id: "proof", status: "failed", reason: "The signature does not match." }],
        } as never,
      })
      .where(eq(credentials.id, forged));
    await storeTestCredential(db, holder, {
      title: diagnoses!.title,
      issuer: DEMO_ISSUER.name,
      validUntil: "2025-01-01T00:00:00Z",
    });
    const progress = byslug(
      await pathwayOverviewForHolder(db, holder, new Date("2026-11-23T00:00:00Z")),
      ICD11,
    ).progress;
    expect(progress.credentialIds).toEqual([]);
    const statuses = Object.fromEntries(progress.requirements!.children.map((r) => [r.label, r.status]));
    expect(statuses[foundations!.title]).toBe("missing");
    expect(statuses[diagnoses!.title]).toBe("expired-only");
    await expect(
      saveGoal(db, holder, { title: "G", targetTitle: "T", targetKind: "certificate", heldCredentialIds: [forged] }),
    ).rejects.toThrow(/failed verification/);
  });

  it("follows and unfollows catalog pathways only", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "follow@example.org");
    const [icd] = await db
      .select({ id: pathways.id })
      .from(pathways)
      .where(and(isNull(pathways.holderId), eq(pathways.slug, ICD11)));
    expect(await followPathway(db, holder, icd!.id)).toBe(true);
    expect(await followPathway(db, holder, icd!.id)).toBe(true);
    expect(byslug(await pathwayOverviewForHolder(db, holder), ICD11).followed).toBe(true);
    expect(await unfollowPathway(db, holder, icd!.id)).toBe(true);
    expect(byslug(await pathwayOverviewForHolder(db, holder), ICD11).followed).toBe(false);
    expect(await followPathway(db, holder, crypto.randomUUID())).toBe(false);
  });

  it("saves, edits and deletes a goal; validation errors are readable and store nothing", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "goals@example.org");
    const bls = await storeTestCredential(db, holder, {
      title: "Basic Life Support",
      issuer: "Resuscitation Academy",
      hours: 4,
    });
    const goal = {
      title: "ICU readiness",
      targetTitle: "Critical Care Nursing Certificate",
      targetKind: "certificate" as const,
      heldCredentialIds: [bls],
      toEarn: [{ title: "Ventilator Care", issuer: "Northbridge School of Nursing" }],
    };
    const { id } = await saveGoal(db, holder, goal);
    let mine = (await pathwayOverviewForHolder(db, holder)).pathways.find((p) => p.id === id)!;
    expect(mine).toMatchObject({ source: "goal", followed: true });
    expect(mine.progress.percentByCount).toBe(50);

    await saveGoal(db, holder, { ...goal, title: "ICU readiness 2027", toEarn: [] }, id);
    mine = (await pathwayOverviewForHolder(db, holder)).pathways.find((p) => p.id === id)!;
    expect(mine.definition.title).toBe("ICU readiness 2027");
    expect(mine.progress.complete).toBe(true);

    await expect(saveGoal(db, holder, { ...goal, heldCredentialIds: [crypto.randomUUID()] })).rejects.toThrow(
      /no longer in your wallet/,
    );
    await expect(saveGoal(db, holder, { ...goal, heldCredentialIds: [], toEarn: [] })).rejects.toThrow(
      /at least one credential/,
    );
    await expect(saveGoal(db, holder, { ...goal, count: 5 })).rejects.toThrow(/could never be met/);
    expect(await db.$count(pathways, eq(pathways.holderId, holder))).toBe(1);

    // A held component deleted later shows as missing; the goal never breaks.
    await deleteCredentialForHolder(db, holder, bls);
    mine = (await pathwayOverviewForHolder(db, holder)).pathways.find((p) => p.id === id)!;
    expect(mine.progress.complete).toBe(false);
    expect(mine.progress.problems).toEqual([]);
    expect(await deleteGoal(db, holder, id)).toBe(true);
    expect(await db.$count(pathways, eq(pathways.holderId, holder))).toBe(0);
  });

  it("keeps goals and follows to their holder (foreign-user suite)", async () => {
    const db = ctx().db;
    const owner = await createTestHolder(db, "goal-owner@example.org");
    const intruder = await createTestHolder(db, "goal-intruder@example.org");
    const owned = await storeTestCredential(db, owner, { title: "Owner's badge", issuer: "Owner Academy" });
    const { id } = await saveGoal(db, owner, {
      title: "Owner's goal",
      targetTitle: "Owner's target",
      targetKind: "certificate",
      heldCredentialIds: [owned],
    });
    expect((await pathwayOverviewForHolder(db, intruder)).pathways.map((p) => p.id)).not.toContain(id);
    expect(await deleteGoal(db, intruder, id)).toBe(false);
    expect(await followPathway(db, intruder, id)).toBe(false);
    await expect(
      saveGoal(
        db,
        intruder,
        { title: "x", targetTitle: "y", targetKind: "certificate", toEarn: [{ title: "z", issuer: "w" }] },
        id,
      ),
    ).rejects.toMatchObject({ code: "not_found", fieldErrors: { goal: ["That goal was not found."] } });
    await expect(
      saveGoal(db, intruder, { title: "x", targetTitle: "y", targetKind: "certificate", heldCredentialIds: [owned] }),
    ).rejects.toThrow(/no longer in your wallet/);
    expect((await pathwaysCountingCredential(db, intruder, owned)).counting).toEqual([]);
    expect(await db.$count(pathwayFollows, eq(pathwayFollows.holderId, intruder))).toBe(0);
    expect(await db.$count(pathways, eq(pathways.id, id))).toBe(1);
  });
});
