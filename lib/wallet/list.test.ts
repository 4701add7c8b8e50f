import { expect, it } from "vitest";
import { describeEachDatabase } from "@/testkit/each-database";
import { addToCollection, createCollection } from "./collections";
import { setHolderTags } from "@/lib/credential-store/annotations";
import { listWallet, walletFacets, walletSummary } from "./list";
import { WALLET_PAGE_SIZE } from "./limits";
import { parseWalletQuery } from "./query";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";

const now = new Date("2026-11-23T12:00:00Z");
const q = (params: Record<string, string>) => parseWalletQuery(params);

describeEachDatabase("wallet listing", (ctx) => {
  let holder: string;
  let other: string;
  const ids: Record<string, string> = {};

  it("sets up two holders", async () => {
    const db = ctx().db;
    holder = await createTestHolder(db, "browse@example.org");
    other = await createTestHolder(db, "other-browse@example.org");
    ids.bls = await storeTestCredential(db, holder, {
      title: "Basic Life Support",
      issuer: "Resuscitation Academy",
      issued: "2025-12-01",
      validUntil: "2026-12-20T00:00:00Z",
      hours: 4,
      skills: ["Cardiopulmonary resuscitation"],
      verdict: "verified",
    });
    ids.sepsis = await storeTestCredential(db, holder, {
      title: "Sepsis Recognition",
      issuer: "Northbridge School of Nursing",
      issued: "2026-03-01",
      hours: 6,
      skills: ["Triage"],
      outcomes: ["Applies the Sepsis Six bundle"],
      verdict: "verified",
    });
    ids.coding = await storeTestCredential(db, holder, {
      title: "ICD-11 Clinical Coding",
      issuer: "Health Data Institute",
      kind: "micro-credential",
      issued: "2026-06-01",
      ects: 5,
      hours: 125,
      skills: ["Clinical coding"],
      verdict: "unknown",
    });
    ids.oldAls = await storeTestCredential(db, holder, {
      title: "Advanced Life Support",
      issuer: "Resuscitation Academy",
      issued: "2022-01-01",
      validUntil: "2025-01-01T00:00:00Z",
      hours: 16,
      verdict: "not-verified",
    });
    ids.manual = await storeTestCredential(db, holder, {
      title: "Manual Handling 100% complete",
      issuer: "St Brigid's Hospital",
      issued: "2026-02-01",
      hours: 3,
      selfReported: true,
    });
    ids.informatics = await storeTestCredential(db, holder, {
      title: "Health Informatics Nano-degree",
      issuer: "Health Data Institute",
      kind: "nano-degree",
      issued: "2026-09-01",
      ects: 15,
      verdict: null,
    });
    await storeTestCredential(db, other, {
      title: "Basic Life Support",
      issuer: "Resuscitation Academy",
      issued: "2025-12-01",
      verdict: "verified",
    });
  });

  const titles = async (params: Record<string, string>) =>
    (await listWallet(ctx().db, holder, q(params), now)).items.map((c) => c.title);

  it("lists only the holder's credentials, newest first", async () => {
    const page = await listWallet(ctx().db, holder, q({}), now);
    expect(page.total).toBe(6);
    expect(page.items.map((c) => c.title)).toEqual([
      "Health Informatics Nano-degree",
      "ICD-11 Clinical Coding",
      "Sepsis Recognition",
      "Manual Handling 100% complete",
      "Basic Life Support",
      "Advanced Life Support",
    ]);
    expect(page.items.every((c) => c.hasImage === false && Array.isArray(c.holderTags))).toBe(true);
  });

  it("searches title, issuer, skills and learning outcomes, case-insensitively", async () => {
    expect(await titles({ q: "life" })).toEqual(["Basic Life Support", "Advanced Life Support"]);
    expect(await titles({ q: "HEALTH DATA" })).toEqual(["Health Informatics Nano-degree", "ICD-11 Clinical Coding"]);
    expect(await titles({ q: "cardiopulmonary" })).toEqual(["Basic Life Support"]);
    expect(await titles({ q: "sepsis six" })).toEqual(["Sepsis Recognition"]);
  });

  it("takes % and _ in a search literally", async () => {
    expect(await titles({ q: "100%" })).toEqual(["Manual Handling 100% complete"]);
    expect(await titles({ q: "%" })).toEqual(["Manual Handling 100% complete"]);
    expect(await titles({ q: "_" })).toEqual([]);
  });

  it("filters by kind, verification, issuer, skill and validity", async () => {
    expect(await titles({ kind: "micro-credential" })).toEqual(["ICD-11 Clinical Coding"]);
    expect(await titles({ verification: "verified" })).toEqual(["Sepsis Recognition", "Basic Life Support"]);
    expect(await titles({ verification: "self-reported" })).toEqual(["Manual Handling 100% complete"]);
    expect(await titles({ verification: "unchecked" })).toEqual(["Health Informatics Nano-degree"]);
    expect(await titles({ verification: "not-verified" })).toEqual(["Advanced Life Support"]);
    expect(await titles({ issuer: "Resuscitation Academy" })).toEqual(["Basic Life Support", "Advanced Life Support"]);
    expect(await titles({ skill: "Triage" })).toEqual(["Sepsis Recognition"]);
    expect(await titles({ validity: "expiring" })).toEqual(["Basic Life Support"]);
    expect(await titles({ validity: "expired" })).toEqual(["Advanced Life Support"]);
    expect(await titles({ validity: "current" })).not.toContain("Advanced Life Support");
    expect(await titles({ kind: "badge", issuer: "Resuscitation Academy", validity: "expiring" })).toEqual([
      "Basic Life Support",
    ]);
  });

  it("filters by the holder's tags and collections", async () => {
    const db = ctx().db;
    await setHolderTags(db, holder, ids.sepsis!, ["ICU", "Mandatory"]);
    const icu = await createCollection(db, holder, { name: "ICU application" });
    await addToCollection(db, holder, icu.id, [ids.bls!, ids.coding!]);
    expect(await titles({ tag: "ICU" })).toEqual(["Sepsis Recognition"]);
    expect(await titles({ q: "mandat" })).toEqual(["Sepsis Recognition"]);
    expect(await titles({ collection: icu.id })).toEqual(["ICD-11 Clinical Coding", "Basic Life Support"]);
    // Another holder naming this collection sees nothing of it.
    expect((await listWallet(db, other, q({ collection: icu.id }), now)).total).toBe(0);
  });

  it("sorts by title and by expiry", async () => {
    expect(await titles({ sort: "title" })).toEqual([
      "Advanced Life Support",
      "Basic Life Support",
      "Health Informatics Nano-degree",
      "ICD-11 Clinical Coding",
      "Manual Handling 100% complete",
      "Sepsis Recognition",
    ]);
    expect((await titles({ sort: "expiring" })).slice(0, 2)).toEqual(["Advanced Life Support", "Basic Life Support"]);
  });

  it("summarises kinds, current hours and ECTS, and what expires soon", async () => {
    const summary = await walletSummary(ctx().db, holder, now);
    expect(summary).toEqual({
      total: 6,
      byKind: { badge: 4, "micro-credential": 1, "nano-degree": 1 },
      hours: 4 + 6 + 125 + 3,
      ects: 20,
      holderSetHours: 0,
      holderSetEcts: 0,
      withHours: 4,
      withEcts: 2,
      expiringSoon: 1,
      expired: 1,
    });
  });

  it("offers only this holder's issuers, skills and tags as filters", async () => {
    const facets = await walletFacets(ctx().db, holder);
    expect(facets.issuers).toEqual([
      "Health Data Institute",
      "Northbridge School of Nursing",
      "Resuscitation Academy",
      "St Brigid's Hospital",
    ]);
    expect(facets.skills).toEqual(["Cardiopulmonary resuscitation", "Clinical coding", "Triage"]);
    expect(facets.tags).toEqual(["ICU", "Mandatory"]);
    expect(await walletFacets(ctx().db, other)).toEqual({ issuers: ["Resuscitation Academy"], skills: [], tags: [] });
  });

  it("pages without repeating or skipping a card", async () => {
    const db = ctx().db;
    const pager = await createTestHolder(db, "pager@example.org");
    for (let i = 0; i < WALLET_PAGE_SIZE + 5; i += 1)
      await storeTestCredential(db, pager, { title: `Module ${i}`, issued: "2026-01-01" });
    const first = await listWallet(db, pager, q({}), now);
    const second = await listWallet(db, pager, q({ page: "2" }), now);
    expect(first.total).toBe(WALLET_PAGE_SIZE + 5);
    expect(first.items).toHaveLength(WALLET_PAGE_SIZE);
    expect(second.items).toHaveLength(5);
    expect(new Set([...first.items, ...second.items].map((c) => c.id)).size).toBe(WALLET_PAGE_SIZE + 5);
  });
});
