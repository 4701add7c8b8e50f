import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { shareCredentials, shares } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { addToCollection, createCollection } from "@/lib/wallet/collections";
import { deleteCredentialForHolder } from "@/lib/credential-store/delete";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import {
  createShare,
  deleteShare,
  extendShare,
  getShare,
  getShareCredentialIds,
  listShares,
  revokeShare,
  updateShareCredentials,
  updateShareHeadline,
  updateShareVisibility,
} from "./data";
import { resolveShare } from "./resolve";
import { databaseDump } from "@/testkit/shares/signed-test-credential";
import { decodeShareToken } from "./token";

const NOW = new Date("2026-11-23T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase("share links: the holder's side", (ctx) => {
  // token.test.ts mints 1,000 tokens and checks their entropy; here 300 real links go through the
  // data layer (about 5 s on PGlite) and the whole database is searched for each token.
  it(
    "stores only a hash of each token: no token anywhere in the database (docs/threat-model.md F1)",
    { timeout: 60_000 },
    async () => {
      const db = ctx().db;
      const tokens: string[] = [];
      for (let h = 0; h < 2; h++) {
        const holder = await createTestHolder(db, `f1-${h}@example.org`);
        const credential = await storeTestCredential(db, holder, { title: `Basic Life Support ${h}` });
        for (let i = 0; i < 150; i++) {
          const created = await createShare(
            db,
            holder,
            { scope: i % 2 ? "profile" : "credential", ...(i % 2 ? {} : { credentialId: credential }) } as never,
            { now: NOW },
          );
          tokens.push(created!.token);
        }
      }
      expect(new Set(tokens).size).toBe(300);
      for (const token of tokens) expect(decodeShareToken(token)!.byteLength * 8).toBeGreaterThanOrEqual(128);
      const dump = await databaseDump(db);
      for (const token of tokens) {
        expect(dump.includes(token)).toBe(false);
        expect(dump.includes(token.slice(10))).toBe(false);
        expect(dump.includes(Buffer.from(decodeShareToken(token)!).toString("hex"))).toBe(false);
      }
    },
  );

  it("creates links for one credential, a selection, a collection and the whole profile, and lists them", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "scopes@example.org");
    const a = await storeTestCredential(db, holder, { title: "Basic Life Support" });
    const b = await storeTestCredential(db, holder, { title: "Infection Control" });
    const c = await storeTestCredential(db, holder, { title: "Sepsis Recognition" });
    const icu = await createCollection(db, holder, { name: "ICU application" });
    await addToCollection(db, holder, icu.id, [a, b]);

    const single = await createShare(
      db,
      holder,
      { scope: "credential", credentialId: a, headline: "  Applying for   ICU staff nurse\u202E ", expiry: 7 },
      { now: NOW },
    );
    expect(single!.share).toMatchObject({
      scope: "credential",
      headline: "Applying for ICU staff nurse",
      credentialCount: 1,
      state: "active",
      viewCount: 0,
      lastViewedAt: null,
      showEmail: false,
      showEvidence: false,
      showNotes: false,
    });
    expect(single!.share.expiresAt).toEqual(new Date(NOW.getTime() + 7 * DAY));
    expect(single!.share.tokenHint).toBe(single!.token.slice(0, 10));

    const selection = await createShare(
      db,
      holder,
      { scope: "selection", credentialIds: [c, a, c], expiry: "never", showEmail: true },
      { now: NOW },
    );
    expect(selection!.share).toMatchObject({
      scope: "selection",
      credentialCount: 2,
      expiresAt: null,
      showEmail: true,
    });
    expect(await getShareCredentialIds(db, holder, selection!.share.id)).toEqual([c, a]);

    const collection = await createShare(db, holder, { scope: "collection", collectionId: icu.id }, { now: NOW });
    expect(collection!.share).toMatchObject({
      scope: "collection",
      collection: { id: icu.id, name: "ICU application" },
      credentialCount: 2,
    });
    // The default lifetime is 30 days: a link never lives forever unless the holder says so.
    expect(collection!.share.expiresAt).toEqual(new Date(NOW.getTime() + 30 * DAY));

    const profile = await createShare(db, holder, { scope: "profile", expiry: 365 }, { now: NOW });
    expect(profile!.share).toMatchObject({ scope: "profile", credentialCount: 3 });

    const listed = await listShares(db, holder, NOW);
    expect(listed.map((s) => s.scope).sort()).toEqual(["collection", "credential", "profile", "selection"]);
    // What the holder UI receives never carries the token or its hash (docs/threat-model.md B2).
    const json = JSON.stringify(listed);
    expect(json).not.toContain("tokenHash");
    for (const created of [single, selection, collection, profile]) {
      expect(json).not.toContain(created!.token);
      expect(json).not.toMatch(/[0-9a-f]{64}/);
    }
  });

  it("refuses strict-schema violations and extra keys (docs/threat-model.md B3)", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "strict@example.org");
    const a = await storeTestCredential(db, holder, { title: "Falls Prevention" });
    await expect(
      createShare(db, holder, { scope: "credential", credentialId: a, holderId: "someone-else" } as never),
    ).rejects.toThrow();
    await expect(createShare(db, holder, { scope: "credential", credentialId: a, expiry: 366 })).rejects.toThrow(
      /a year at most/,
    );
    await expect(createShare(db, holder, { scope: "credential", credentialId: a, expiry: 0 })).rejects.toThrow(
      /at least a day/,
    );
    await expect(
      createShare(db, holder, { scope: "credential", credentialId: a, headline: "h".repeat(121) }),
    ).rejects.toThrow(/under 120 characters/);
    await expect(createShare(db, holder, { scope: "selection", credentialIds: [] })).rejects.toThrow(/at least one/);
    await expect(createShare(db, holder, { scope: "everything" } as never)).rejects.toThrow();
    await expect(
      createShare(db, holder, { scope: "credential", credentialId: a, locale: "pl" } as never),
    ).rejects.toThrow(/one of Tessera's languages/);
    await expect(
      updateShareVisibility(db, holder, "00000000-0000-4000-8000-000000000000", {
        showEmail: true,
        viewCount: 5,
      } as never),
    ).rejects.toThrow();
    expect(await db.$count(shares, eq(shares.holderId, holder))).toBe(0);
  });

  it("refuses any link naming another holder's credentials or collection, whole, and changes nothing (docs/threat-model.md B4)", async () => {
    const db = ctx().db;
    const victim = await createTestHolder(db, "b4-victim@example.org");
    const intruder = await createTestHolder(db, "b4-intruder@example.org");
    const theirs = await storeTestCredential(db, victim, { title: "Victim's Licence" });
    const theirCollection = await createCollection(db, victim, { name: "Victim's collection" });
    await addToCollection(db, victim, theirCollection.id, [theirs]);
    const victimShare = await createShare(db, victim, { scope: "credential", credentialId: theirs }, { now: NOW });
    const mine = await storeTestCredential(db, intruder, { title: "Intruder's badge" });
    const myShare = await createShare(db, intruder, { scope: "selection", credentialIds: [mine] }, { now: NOW });

    const victimBefore = await holderSnapshot(db, victim);
    const intruderBefore = await holderSnapshot(db, intruder);
    const sharesBefore = await db.select().from(shares).orderBy(asc(shares.id));
    const itemsBefore = await db
      .select()
      .from(shareCredentials)
      .orderBy(asc(shareCredentials.shareId), asc(shareCredentials.credentialId));

    expect(await createShare(db, intruder, { scope: "credential", credentialId: theirs })).toBeNull();
    expect(await createShare(db, intruder, { scope: "selection", credentialIds: [mine, theirs] })).toBeNull();
    expect(await createShare(db, intruder, { scope: "collection", collectionId: theirCollection.id })).toBeNull();
    expect(
      await createShare(db, intruder, { scope: "credential", credentialId: "00000000-0000-4000-8000-000000000000" }),
    ).toBeNull();
    expect(await updateShareCredentials(db, intruder, myShare!.share.id, [mine, theirs])).toBeNull();
    const foreign = victimShare!.share.id;
    expect(await updateShareCredentials(db, intruder, foreign, [mine])).toBeNull();
    expect(await revokeShare(db, intruder, foreign)).toBe(false);
    expect(await extendShare(db, intruder, foreign, 365)).toBeNull();
    expect(await updateShareVisibility(db, intruder, foreign, { showEmail: true, showNotes: true })).toBe(false);
    expect(await updateShareHeadline(db, intruder, foreign, "Mine now")).toBe(false);
    expect(await deleteShare(db, intruder, foreign)).toBe(false);
    expect(await getShare(db, intruder, foreign)).toBeNull();
    expect(await getShareCredentialIds(db, intruder, foreign)).toBeNull();
    expect((await listShares(db, intruder)).map((s) => s.id)).toEqual([myShare!.share.id]);

    expect(await holderSnapshot(db, victim)).toEqual(victimBefore);
    expect(await holderSnapshot(db, intruder)).toEqual(intruderBefore);
    expect(await db.select().from(shares).orderBy(asc(shares.id))).toEqual(sharesBefore);
    expect(
      await db
        .select()
        .from(shareCredentials)
        .orderBy(asc(shareCredentials.shareId), asc(shareCredentials.credentialId)),
    ).toEqual(itemsBefore);
    // The intruder's own link still shows only the intruder's credential.
    const page = await resolveShare(db, myShare!.token, NOW);
    expect(page.status === "ok" && page.credentials.map((c) => c.id)).toEqual([mine]);
  });

  it("revokes at once, expires on time, extends, and never revives a revoked link", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "lifecycle@example.org");
    const a = await storeTestCredential(db, holder, { title: "Manual Handling" });
    const created = (await createShare(db, holder, { scope: "credential", credentialId: a, expiry: 1 }, { now: NOW }))!;
    expect((await resolveShare(db, created.token, NOW)).status).toBe("ok");
    const later = new Date(NOW.getTime() + DAY);
    expect((await resolveShare(db, created.token, new Date(later.getTime() - 1))).status).toBe("ok");
    expect((await resolveShare(db, created.token, later)).status).toBe("expired");
    expect((await getShare(db, holder, created.share.id, later))!.state).toBe("expired");

    const extended = await extendShare(db, holder, created.share.id, 30, later);
    expect(extended).toMatchObject({ state: "active", expiresAt: new Date(later.getTime() + 30 * DAY) });
    expect((await resolveShare(db, created.token, later)).status).toBe("ok");

    expect(await revokeShare(db, holder, created.share.id, later)).toBe(true);
    expect((await resolveShare(db, created.token, later)).status).toBe("revoked");
    expect(await revokeShare(db, holder, created.share.id, new Date(later.getTime() + DAY))).toBe(true);
    expect((await getShare(db, holder, created.share.id))!.revokedAt).toEqual(later);
    await expect(extendShare(db, holder, created.share.id, 30)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/revoked/),
    });
    await expect(updateShareCredentials(db, holder, created.share.id, [a])).rejects.toThrow(/revoked/);

    expect(await deleteShare(db, holder, created.share.id)).toBe(true);
    expect((await resolveShare(db, created.token, later)).status).toBe("not-found");
  });

  it("changes headline, visibility and a selection; the page shows only what is shared now", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "edits@example.org");
    const a = await storeTestCredential(db, holder, { title: "Tracheostomy Care" });
    const b = await storeTestCredential(db, holder, { title: "Medicines Management" });
    const created = (await createShare(
      db,
      holder,
      { scope: "selection", credentialIds: [a, b], headline: "ICU" },
      { now: NOW },
    ))!;
    expect(await updateShareHeadline(db, holder, created.share.id, "   ")).toBe(true);
    expect(await updateShareVisibility(db, holder, created.share.id, { showNotes: true })).toBe(true);
    expect(await getShare(db, holder, created.share.id)).toMatchObject({
      headline: null,
      showNotes: true,
      showEmail: false,
    });

    const narrowed = await updateShareCredentials(db, holder, created.share.id, [b], NOW);
    expect(narrowed).toMatchObject({ scope: "credential", credentialCount: 1 });
    const page = await resolveShare(db, created.token, NOW);
    expect(page.status === "ok" && page.credentials.map((c) => c.title)).toEqual(["Medicines Management"]);

    const collection = await createCollection(db, holder, { name: "Revalidation" });
    const collectionShare = (await createShare(
      db,
      holder,
      { scope: "collection", collectionId: collection.id },
      { now: NOW },
    ))!;
    await expect(updateShareCredentials(db, holder, collectionShare.share.id, [a])).rejects.toThrow(/collection/);
  });

  it("removes a deleted credential from every link (foreign-key cascade)", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "cascade@example.org");
    const a = await storeTestCredential(db, holder, { title: "Venepuncture" });
    const b = await storeTestCredential(db, holder, { title: "Cannulation" });
    const one = (await createShare(db, holder, { scope: "credential", credentialId: a }, { now: NOW }))!;
    const both = (await createShare(db, holder, { scope: "selection", credentialIds: [a, b] }, { now: NOW }))!;
    await deleteCredentialForHolder(db, holder, a);
    expect(await db.$count(shareCredentials, eq(shareCredentials.credentialId, a))).toBe(0);
    const first = await resolveShare(db, one.token, NOW);
    expect(first.status === "ok" && first.credentials).toEqual([]);
    const second = await resolveShare(db, both.token, NOW);
    expect(second.status === "ok" && second.credentials.map((c) => c.title)).toEqual(["Cannulation"]);
    expect((await getShare(db, holder, both.share.id))!.credentialCount).toBe(1);
  });

  it("keeps the language a holder gives a link, and none unless given", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "share-language@example.org");
    const a = await storeTestCredential(db, holder, { title: "Wound Care" });
    const german = await createShare(db, holder, { scope: "credential", credentialId: a, locale: "de" });
    const readers = await createShare(db, holder, { scope: "credential", credentialId: a });
    const locales = await db
      .select({ id: shares.id, locale: shares.locale })
      .from(shares)
      .where(eq(shares.holderId, holder));
    expect(new Map(locales.map((r) => [r.id, r.locale]))).toEqual(
      new Map([
        [german!.share.id, "de"],
        [readers!.share.id, null],
      ]),
    );
  });
});
