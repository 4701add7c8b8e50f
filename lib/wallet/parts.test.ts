import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { listWallet } from "./list";
import { parseWalletQuery } from "./query";

const now = new Date("2026-11-23T12:00:00Z");
const q = (params: Record<string, string> = {}) => parseWalletQuery(params);

describeEachDatabase("wallet parts and wholes", (ctx) => {
  let holder: string;
  let whole: string;

  it("lists a CLR's parts under it, not as siblings, when nothing is searched", async () => {
    const db = ctx().db;
    holder = await createTestHolder(db, "parts@example.org");
    whole = await storeTestCredential(db, holder, { title: "Northbridge: Clinical Coding Pathway" });
    const parts = [
      await storeTestCredential(db, holder, { title: "ICD-11 Clinical Coding Fundamentals", hours: 25 }),
      await storeTestCredential(db, holder, { title: "Clinical Documentation Improvement" }),
    ];
    for (const part of parts) await db.update(credentials).set({ parentId: whole }).where(eq(credentials.id, part));
    await storeTestCredential(db, holder, { title: "Basic Life Support" });

    const page = await listWallet(db, holder, q(), now, { nestParts: true });
    expect(page.total).toBe(2);
    const card = page.items.find((item) => item.id === whole)!;
    expect(card.parts?.map((p) => [p.title, p.parentTitle, p.hours])).toEqual([
      ["Clinical Documentation Improvement", "Northbridge: Clinical Coding Pathway", null],
      ["ICD-11 Clinical Coding Fundamentals", "Northbridge: Clinical Coding Pathway", 25],
    ]);
    expect(page.items.find((item) => item.title === "Basic Life Support")!.parts).toBeUndefined();
  });

  it("finds parts by search and filter, each naming its whole", async () => {
    const db = ctx().db;
    const found = await listWallet(db, holder, q({ q: "documentation" }), now, { nestParts: true });
    expect(found.items.map((item) => [item.title, item.parentId, item.parentTitle])).toEqual([
      ["Clinical Documentation Improvement", whole, "Northbridge: Clinical Coding Pathway"],
    ]);
    const badges = await listWallet(db, holder, q({ kind: "badge" }), now, { nestParts: true });
    expect(badges.total).toBe(4);
  });

  it("lists every credential flat for pickers, and another holder sees none of it", async () => {
    const db = ctx().db;
    expect((await listWallet(db, holder, q(), now)).total).toBe(4);
    const other = await createTestHolder(db, "other-parts@example.org");
    expect((await listWallet(db, other, q({ q: "clinical" }), now, { nestParts: true })).items).toEqual([]);
  });
});
