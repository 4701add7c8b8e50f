import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { collectionItems, credentialOriginals, credentials } from "@/db/schema";
import { storeImportedCredential } from "@/lib/credential-store/data";
import { describeEachDatabase } from "@/testkit/each-database";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { setHolderNote, setHolderTags } from "@/lib/credential-store/annotations";
import {
  addToCollection,
  collectionIdsForCredential,
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  removeFromCollection,
  updateCollection,
} from "./collections";
import { countChildrenForHolder, deleteCredentialForHolder } from "@/lib/credential-store/delete";
import { NOTE_MAX_CHARS, TAGS_PER_CREDENTIAL_MAX } from "./limits";
import { createTestHolder, storeTestCredential, testInterpretedCredential } from "@/testkit/wallet/test-credentials";

describeEachDatabase("organizing a wallet", (ctx) => {
  it("keeps notes and tags beside the credential without touching the record or the original", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "notes@example.org");
    const id = await storeTestCredential(db, holder, { title: "Sepsis Recognition" });
    const [before] = await db
      .select({ record: credentials.record, payload: credentials.payload })
      .from(credentials)
      .where(eq(credentials.id, id));
    const originalsBefore = await db.select().from(credentialOriginals).where(eq(credentialOriginals.holderId, holder));

    expect(
      await setHolderNote(db, holder, id, "  Used for the ICU application\r\n<script>alert(1)</script>\u202E  "),
    ).toBe(true);
    expect(await setHolderTags(db, holder, id, ["ICU", " icu ", "Mandatory  training", "ICU"])).toEqual([
      "ICU",
      "Mandatory training",
    ]);

    const [after] = await db.select().from(credentials).where(eq(credentials.id, id));
    expect(after!.holderNote).toBe("Used for the ICU application\n<script>alert(1)</script>");
    expect(after!.holderTags).toEqual(["ICU", "Mandatory training"]);
    expect(after!.record).toEqual(before!.record);
    expect(after!.payload).toEqual(before!.payload);
    expect(await db.select().from(credentialOriginals).where(eq(credentialOriginals.holderId, holder))).toEqual(
      originalsBefore,
    );

    expect(await setHolderNote(db, holder, id, "   ")).toBe(true);
    const [cleared] = await db.select({ note: credentials.holderNote }).from(credentials).where(eq(credentials.id, id));
    expect(cleared!.note).toBeNull();
  });

  it("refuses notes and tags past their limits and changes nothing", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "limits@example.org");
    const id = await storeTestCredential(db, holder, { title: "Falls Prevention" });
    const before = await holderSnapshot(db, holder);
    await expect(setHolderNote(db, holder, id, "x".repeat(NOTE_MAX_CHARS + 1))).rejects.toThrow(
      /under 2,000 characters/,
    );
    await expect(setHolderTags(db, holder, id, ["y".repeat(41)])).rejects.toThrow(/under 40 characters/);
    await expect(
      setHolderTags(
        db,
        holder,
        id,
        Array.from({ length: TAGS_PER_CREDENTIAL_MAX + 1 }, (_, i) => `t${i}`),
      ),
    ).rejects.toThrow(/up to 20 tags/);
    await expect(setHolderTags(db, holder, id, ["  "])).rejects.toThrow(/cannot be empty/);
    expect(await holderSnapshot(db, holder)).toEqual(before);
  });

  it("creates, renames, lists and deletes collections; names are unique per holder, whatever the case", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "collections@example.org");
    const other = await createTestHolder(db, "collections-other@example.org");
    const icu = await createCollection(db, holder, {
      name: "  ICU   application ",
      description: "For the Ward 7 post",
    });
    expect(icu).toMatchObject({ name: "ICU application", description: "For the Ward 7 post", count: 0 });
    await expect(createCollection(db, holder, { name: "icu APPLICATION" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { name: [expect.stringMatching(/already have a collection called/)] },
    });
    await expect(createCollection(db, holder, { name: "" })).rejects.toThrow(/Give the collection a name/);
    await expect(createCollection(db, holder, { name: "n".repeat(81) })).rejects.toThrow(/under 80 characters/);
    // The same name is fine for another holder.
    await createCollection(db, other, { name: "ICU application" });
    const revalidation = await createCollection(db, holder, { name: "Annual revalidation" });
    await expect(updateCollection(db, holder, revalidation.id, { name: "ICU Application" })).rejects.toThrow(
      /already have a collection/,
    );
    expect(await updateCollection(db, holder, revalidation.id, { name: "Revalidation 2027" })).toBe(true);
    expect((await listCollections(db, holder)).map((c) => c.name)).toEqual(["ICU application", "Revalidation 2027"]);
    expect(await deleteCollection(db, holder, revalidation.id)).toBe(true);
    expect((await listCollections(db, holder)).map((c) => c.name)).toEqual(["ICU application"]);
  });

  it("adds and removes credentials; the credentials themselves stay", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "members@example.org");
    const a = await storeTestCredential(db, holder, { title: "Basic Life Support" });
    const b = await storeTestCredential(db, holder, { title: "Infection Control" });
    const col = await createCollection(db, holder, { name: "ICU application" });
    expect(await addToCollection(db, holder, col.id, [a, b, a])).toBe(2);
    expect(await addToCollection(db, holder, col.id, [a])).toBe(0);
    expect((await getCollection(db, holder, col.id))!.count).toBe(2);
    expect(await collectionIdsForCredential(db, holder, a)).toEqual([col.id]);
    expect(await removeFromCollection(db, holder, col.id, [a])).toBe(1);
    expect((await getCollection(db, holder, col.id))!.count).toBe(1);
    expect(await deleteCollection(db, holder, col.id)).toBe(true);
    expect(await db.$count(credentials, eq(credentials.holderId, holder))).toBe(2);
  });

  it("deletes a credential with its memberships and original, and it can be imported again", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "delete@example.org");
    const id = await storeTestCredential(db, holder, { title: "Dementia Awareness" });
    const col = await createCollection(db, holder, { name: "Care home" });
    await addToCollection(db, holder, col.id, [id]);
    expect(await deleteCredentialForHolder(db, holder, id)).toEqual({
      id,
      title: "Dementia Awareness",
      keptChildren: 0,
    });
    expect(await db.$count(credentials, eq(credentials.holderId, holder))).toBe(0);
    expect(await db.$count(credentialOriginals, eq(credentialOriginals.holderId, holder))).toBe(0);
    expect(await db.$count(collectionItems, eq(collectionItems.collectionId, col.id))).toBe(0);
    expect(await deleteCredentialForHolder(db, holder, id)).toBeNull();
    const again = await storeTestCredential(db, holder, { title: "Dementia Awareness" });
    expect(again).not.toBe(id);
  });

  it("deleting a CLR keeps the credentials that came inside it, and their shared original", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "clr-delete@example.org");
    const parts = [testInterpretedCredential({ title: "Part A" }), testInterpretedCredential({ title: "Part B" })];
    const clr = { ...testInterpretedCredential({ title: "Health Informatics record" }), children: parts };
    const stored = await storeImportedCredential(db, holder, {
      interpreted: clr,
      original: { bytes: new TextEncoder().encode("clr"), mediaType: "application/json" },
    });
    expect(await countChildrenForHolder(db, holder, stored.credentialId)).toBe(2);
    expect(await deleteCredentialForHolder(db, holder, stored.credentialId)).toMatchObject({ keptChildren: 2 });
    const rest = await db
      .select({ title: credentials.title, parentId: credentials.parentId })
      .from(credentials)
      .where(eq(credentials.holderId, holder));
    expect(rest.map((r) => r.title).sort()).toEqual(["Part A", "Part B"]);
    expect(rest.every((r) => r.parentId === null)).toBe(true);
    expect(await db.$count(credentialOriginals, eq(credentialOriginals.holderId, holder))).toBe(1);
  });
});

describeEachDatabase("foreign-user suite: another holder's ids (docs/threat-model.md B1)", (ctx) => {
  it("refuses every organize call with another holder's credential or collection, and changes nothing", async () => {
    const db = ctx().db;
    const owner = await createTestHolder(db, "owner@example.org");
    const intruder = await createTestHolder(db, "intruder@example.org");
    const credential = await storeTestCredential(db, owner, { title: "Owner's Badge" });
    const collection = await createCollection(db, owner, { name: "Owner's collection" });
    await addToCollection(db, owner, collection.id, [credential]);
    const mine = await storeTestCredential(db, intruder, { title: "Intruder's Badge" });
    const myCollection = await createCollection(db, intruder, { name: "Intruder's collection" });
    const ownerBefore = await holderSnapshot(db, owner);
    const intruderBefore = await holderSnapshot(db, intruder);

    expect(await setHolderNote(db, intruder, credential, "mine now")).toBe(false);
    expect(await setHolderTags(db, intruder, credential, ["stolen"])).toBeNull();
    expect(await deleteCredentialForHolder(db, intruder, credential)).toBeNull();
    expect(await countChildrenForHolder(db, intruder, credential)).toBe(0);
    expect(await updateCollection(db, intruder, collection.id, { name: "renamed" })).toBe(false);
    expect(await deleteCollection(db, intruder, collection.id)).toBe(false);
    expect(await getCollection(db, intruder, collection.id)).toBeNull();
    expect(await collectionIdsForCredential(db, intruder, credential)).toEqual([]);
    // Their credential into my collection, my credential into theirs, a mix into mine: all refused whole.
    expect(await addToCollection(db, intruder, myCollection.id, [credential])).toBeNull();
    expect(await addToCollection(db, intruder, myCollection.id, [mine, credential])).toBeNull();
    expect(await addToCollection(db, intruder, collection.id, [mine])).toBeNull();
    expect(await removeFromCollection(db, intruder, collection.id, [credential])).toBeNull();
    expect(await removeFromCollection(db, intruder, myCollection.id, [credential])).toBe(0);

    expect(await holderSnapshot(db, owner)).toEqual(ownerBefore);
    expect(await holderSnapshot(db, intruder)).toEqual(intruderBefore);
  });
});
