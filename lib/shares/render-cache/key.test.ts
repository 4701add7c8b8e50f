import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials, users } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { setHolderNote } from "@/lib/credential-store/annotations";
import { addToCollection, createCollection, deleteCollection } from "@/lib/wallet/collections";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { createShare, revokeShare, updateShareCredentials, updateShareHeadline, updateShareVisibility } from "../data";
import { shareStatusForToken } from "../resolve";
import { shareRenderKey } from "./key";

const NOW = new Date("2026-11-23T10:00:00Z");
const MAX_AGE_MINUTES = 60;

describeEachDatabase("share page render key", (ctx) => {
  async function keyOf(token: string, now = NOW) {
    const key = await shareRenderKey(ctx().db, token, now, MAX_AGE_MINUTES);
    if (key.status !== "ok") throw new Error(`share is ${key.status}`);
    return key;
  }

  it("moves with everything the page shows, and only then", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "render-key@example.org", "Amara Okafor");
    const a = await storeTestCredential(db, holder, { title: "Basic Life Support", verdict: "verified" });
    const b = await storeTestCredential(db, holder, { title: "Sepsis Recognition", verdict: "verified" });
    await db.update(credentials).set({ verifiedAt: NOW }).where(eq(credentials.holderId, holder));
    const { token, share } = (await createShare(db, holder, { scope: "selection", credentialIds: [a] }, { now: NOW }))!;
    const seen = new Set<string>();
    const expectNew = async () => {
      const { key } = await keyOf(token);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    };
    await expectNew();
    // Nothing changed: the same key, so the cached page is served.
    expect(seen.has((await keyOf(token)).key)).toBe(true);

    await updateShareHeadline(db, holder, share.id, "Applying for ICU staff nurse");
    await expectNew();
    await updateShareVisibility(db, holder, share.id, { showEmail: true });
    await expectNew();
    await updateShareCredentials(db, holder, share.id, [a, b], NOW);
    await expectNew();
    // The same credentials in another order is another page.
    await updateShareCredentials(db, holder, share.id, [b, a], NOW);
    await expectNew();
    // Back as it was: the same key as before (the digest depends on what is shown, nothing else).
    await updateShareCredentials(db, holder, share.id, [a, b], NOW);
    expect(seen.has((await keyOf(token)).key)).toBe(true);
    await db
      .update(credentials)
      .set({ verdict: "not-verified", verifiedAt: new Date(NOW.getTime() + 1000) })
      .where(eq(credentials.id, b));
    await expectNew();
    await db.update(users).set({ name: "Amara O." }).where(eq(users.id, holder));
    await expectNew();
    // A note shows only when the share shows notes: before that, editing it changes nothing on the page.
    await setHolderNote(db, holder, a, "Renewed in March");
    expect(seen.has((await keyOf(token)).key)).toBe(true);
    await updateShareVisibility(db, holder, share.id, { showNotes: true });
    await expectNew();
    await setHolderNote(db, holder, a, "Renewed in April");
    await expectNew();
    await db.delete(credentials).where(eq(credentials.id, b));
    await expectNew();
  });

  it("follows a collection's members", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "render-key-collection@example.org");
    const a = await storeTestCredential(db, holder, { title: "Arterial Blood Gases" });
    const b = await storeTestCredential(db, holder, { title: "Ventilator Care" });
    const icu = await createCollection(db, holder, { name: "ICU" });
    await addToCollection(db, holder, icu.id, [a]);
    const { token } = (await createShare(db, holder, { scope: "collection", collectionId: icu.id }, { now: NOW }))!;
    const before = (await keyOf(token)).key;
    await addToCollection(db, holder, icu.id, [b]);
    expect((await keyOf(token)).key).not.toBe(before);
  });

  it("says when a credential is due for its live re-check, and answers revoked links by their status", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "render-key-stale@example.org");
    const a = await storeTestCredential(db, holder, { title: "Manual Handling", verdict: "verified" });
    await db.update(credentials).set({ verifiedAt: NOW }).where(eq(credentials.id, a));
    const { token, share } = (await createShare(db, holder, { scope: "credential", credentialId: a }, { now: NOW }))!;
    expect((await keyOf(token)).stale).toBe(false);
    expect((await keyOf(token, new Date(NOW.getTime() + (MAX_AGE_MINUTES + 1) * 60_000))).stale).toBe(true);
    await revokeShare(db, holder, share.id, NOW);
    expect(await shareRenderKey(db, token, NOW, MAX_AGE_MINUTES)).toEqual({ status: "revoked" });
    expect(await shareRenderKey(db, "tsv_unknown", NOW, MAX_AGE_MINUTES)).toEqual({ status: "not-found" });
  });

  it("answers every link's status as the gate does: expired, and a collection link whose collection is gone", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "render-key-status@example.org");
    const a = await storeTestCredential(db, holder, { title: "Infection Prevention" });
    const week = (await createShare(db, holder, { scope: "credential", credentialId: a, expiry: 7 }, { now: NOW }))!
      .token;
    const later = new Date(NOW.getTime() + 8 * 24 * 60 * 60 * 1000);
    expect(await shareRenderKey(db, week, later, MAX_AGE_MINUTES)).toEqual({ status: "expired" });
    expect(await shareStatusForToken(db, week, later)).toBe("expired");
    const wards = await createCollection(db, holder, { name: "Wards" });
    await addToCollection(db, holder, wards.id, [a]);
    const collectionLink = (await createShare(
      db,
      holder,
      { scope: "collection", collectionId: wards.id },
      { now: NOW },
    ))!.token;
    expect((await shareRenderKey(db, collectionLink, NOW, MAX_AGE_MINUTES)).status).toBe("ok");
    await deleteCollection(db, holder, wards.id);
    expect(await shareRenderKey(db, collectionLink, NOW, MAX_AGE_MINUTES)).toEqual({ status: "revoked" });
    expect(await shareStatusForToken(db, collectionLink, NOW)).toBe("revoked");
  });
});
