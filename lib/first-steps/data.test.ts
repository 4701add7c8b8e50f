import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { holderEmails, pathwayFollows, pathways } from "@/db/schema";
import type { PathwayDefinition } from "@/lib/stacking";
import { createShare } from "@/lib/shares/data";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { dismissFirstSteps, firstStepsForHolder } from "./data";

const ticked = (state: Awaited<ReturnType<typeof firstStepsForHolder>>) =>
  state.steps.filter((s) => s.done).map((s) => s.key);

describeEachDatabase("first steps", (ctx) => {
  let holder: string;
  let other: string;

  it("starts with nothing ticked and the checklist shown", async () => {
    const db = ctx().db;
    holder = await createTestHolder(db, "steps@example.org");
    other = await createTestHolder(db, "other-steps@example.org");
    const state = await firstStepsForHolder(db, holder);
    expect(state.steps.map((s) => s.key)).toEqual([
      "add-credential",
      "confirm-addresses",
      "follow-pathway",
      "start-cycle",
      "share-link",
    ]);
    expect(ticked(state)).toEqual([]);
    expect(state).toMatchObject({ dismissed: false, show: true });
  });

  it("ticks each step from the holder's own rows, never from another holder's", async () => {
    const db = ctx().db;
    const credential = await storeTestCredential(db, holder, { title: "Sepsis Recognition" });
    await createShare(db, holder, { scope: "selection", credentialIds: [credential] });
    await db.insert(holderEmails).values({ holderId: holder, email: "steps-work@example.org" });
    const state = await firstStepsForHolder(db, holder);
    expect(ticked(state)).toEqual(["add-credential", "confirm-addresses", "share-link"]);
    expect(state.show).toBe(true);
    expect(ticked(await firstStepsForHolder(db, other))).toEqual([]);
  });

  it("counts a followed catalog pathway or a goal of the holder's own as following a pathway", async () => {
    const db = ctx().db;
    const [goal] = await db
      .insert(pathways)
      .values({
        holderId: holder,
        slug: "steps-goal",
        source: "goal",
        version: 1,
        definition: {} as unknown as PathwayDefinition,
      })
      .returning({ id: pathways.id });
    expect(ticked(await firstStepsForHolder(db, holder))).toContain("follow-pathway");
    await db.delete(pathways).where(eq(pathways.id, goal!.id));
    const [catalog] = await db
      .insert(pathways)
      .values({
        slug: `steps-catalog-${holder}`,
        source: "catalog",
        version: 1,
        definition: {} as unknown as PathwayDefinition,
      })
      .returning({ id: pathways.id });
    await db.insert(pathwayFollows).values({ holderId: holder, pathwayId: catalog!.id });
    expect(ticked(await firstStepsForHolder(db, holder))).toContain("follow-pathway");
    expect(ticked(await firstStepsForHolder(db, other))).not.toContain("follow-pathway");
  });

  it("keeps a dismissal per holder", async () => {
    const db = ctx().db;
    await dismissFirstSteps(db, holder);
    expect(await firstStepsForHolder(db, holder)).toMatchObject({ dismissed: true, show: false });
    expect(await firstStepsForHolder(db, other)).toMatchObject({ dismissed: false, show: true });
  });
});
