import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials, shares, users } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { setHolderNote } from "@/lib/credential-store/annotations";
import { addToCollection, createCollection, deleteCollection, removeFromCollection } from "@/lib/wallet/collections";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { createShare, getShare } from "./data";
import { getSharedDownload, getSharedPresentation } from "./downloads";
import { getSharedEvidenceFile, getSharedImage } from "./files";
import { resolveShare, resolveSharedCredential, shareStatusForToken } from "./resolve";
import { databaseDump, storeSignedTestCredential } from "@/testkit/shares/signed-test-credential";
import { mintShareToken } from "./token";
import { createShareViewLimiter } from "./view-limit";
import { createViewBatcher } from "./view-batch";

const NOW = new Date("2026-11-23T10:00:00Z");

async function holderWithProfile(db: Parameters<typeof createTestHolder>[0], email: string) {
  const id = await createTestHolder(db, email, "Amara Okafor");
  await db.update(users).set({ profession: "Critical-care nurse" }).where(eq(users.id, id));
  return id;
}

describeEachDatabase("share links: the public side", (ctx) => {
  it("answers malformed and unknown tokens identically", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "enum@example.org");
    const a = await storeTestCredential(db, holder, { title: "Basic Life Support" });
    const live = (await createShare(db, holder, { scope: "credential", credentialId: a }, { now: NOW }))!.token;
    const flipped = live.slice(0, -2) + (live.at(-2) === "A" ? "B" : "A") + live.at(-1);
    const inputs = [
      "",
      "x",
      "tsv_",
      `tsv_${"A".repeat(43)}`,
      mintShareToken(),
      flipped,
      live.toUpperCase(),
      `${live} `,
      "x".repeat(5000),
      "../../etc/passwd",
      "%00",
    ];
    const answers = await Promise.all(inputs.map((token) => resolveShare(db, token, NOW)));
    for (const answer of answers) expect(answer).toEqual({ status: "not-found" });
    for (const token of inputs) {
      expect(await shareStatusForToken(db, token, NOW)).toBe("not-found");
      expect(await resolveSharedCredential(db, token, a, NOW)).toEqual({ status: "not-found" });
      expect(await getSharedImage(db, token, a, NOW)).toEqual({ status: "not-found" });
      expect(await getSharedPresentation(db, token, NOW)).toEqual({ status: "not-found" });
    }
    expect((await resolveShare(db, live, NOW)).status).toBe("ok");
    // An id from the URL that is not a UUID names nothing (and never reaches the database as one).
    for (const id of ["not-a-uuid", "'; drop table shares; --", ""]) {
      expect(await resolveSharedCredential(db, live, id, NOW)).toEqual({ status: "not-found" });
      expect(await getSharedDownload(db, live, id, NOW)).toEqual({ status: "not-found" });
      expect(await getSharedEvidenceFile(db, live, a, id, NOW)).toEqual({ status: "not-found" });
    }
  });

  it("shows a collection as it is now: members added or removed after sharing, and gone when the collection is", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "collection@example.org");
    const a = await storeTestCredential(db, holder, { title: "Arterial Blood Gases", issued: "2026-03-01" });
    const b = await storeTestCredential(db, holder, { title: "Ventilator Care", issued: "2026-05-01" });
    const c = await storeTestCredential(db, holder, { title: "Not In The Collection" });
    const icu = await createCollection(db, holder, { name: "ICU application" });
    await addToCollection(db, holder, icu.id, [a]);
    const { token } = (await createShare(db, holder, { scope: "collection", collectionId: icu.id }, { now: NOW }))!;
    const titles = async () => {
      const page = await resolveShare(db, token, NOW);
      return page.status === "ok" ? page.credentials.map((cred) => cred.title) : page.status;
    };
    expect(await titles()).toEqual(["Arterial Blood Gases"]);
    await addToCollection(db, holder, icu.id, [b]);
    expect(await titles()).toEqual(["Ventilator Care", "Arterial Blood Gases"]);
    await removeFromCollection(db, holder, icu.id, [a]);
    expect(await titles()).toEqual(["Ventilator Care"]);
    expect((await resolveSharedCredential(db, token, a, NOW)).status).toBe("not-found");
    expect((await resolveSharedCredential(db, token, c, NOW)).status).toBe("not-found");
    expect((await resolveSharedCredential(db, token, b, NOW)).status).toBe("ok");
    await deleteCollection(db, holder, icu.id);
    expect(await titles()).toBe("revoked");
  });

  it("shows the whole profile, including credentials added after sharing, and never another holder's", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "profile@example.org");
    const other = await createTestHolder(db, "profile-other@example.org");
    await storeTestCredential(db, holder, { title: "Older", issued: "2025-01-01" });
    const foreign = await storeTestCredential(db, other, { title: "Someone Else's" });
    const { token } = (await createShare(db, holder, { scope: "profile" }, { now: NOW }))!;
    await storeTestCredential(db, holder, { title: "Newer", issued: "2026-06-01" });
    const page = await resolveShare(db, token, NOW);
    expect(page.status === "ok" && page.credentials.map((c) => c.title)).toEqual(["Newer", "Older"]);
    expect((await resolveSharedCredential(db, token, foreign, NOW)).status).toBe("not-found");
    expect((await getSharedDownload(db, token, foreign, NOW)).status).toBe("not-found");
    expect((await getSharedImage(db, token, foreign, NOW)).status).toBe("not-found");
  });

  it("shows only what the holder chose: email, evidence and notes hidden by default (docs/threat-model.md F5)", async () => {
    const db = ctx().db;
    const holder = await holderWithProfile(db, "amara.private@example.org");
    const { id } = await storeSignedTestCredential(db, holder, {
      title: "Wound Care",
      selfReported: true,
      evidence: { filename: "certificate-scan.pdf", bytes: new TextEncoder().encode("%PDF-1.7 scan") },
      recipient: {
        name: "Amara Okafor",
        identifiers: [
          { type: "email", value: "amara.private@example.org" },
          { type: "national-id", value: "LA-234218" },
        ],
      },
    });
    await db
      .update(credentials)
      .set({
        record: {
          ...(await db.select({ r: credentials.record }).from(credentials).where(eq(credentials.id, id)))[0]!.r,
          evidence: [{ name: "Reflective log", url: "https://evidence.example/log" }],
        },
      })
      .where(eq(credentials.id, id));
    await setHolderNote(db, holder, id, "Private: ask the ward manager first");
    const hidden = (await createShare(db, holder, { scope: "credential", credentialId: id }, { now: NOW }))!;
    const shown = (await createShare(
      db,
      holder,
      { scope: "credential", credentialId: id, showEmail: true, showEvidence: true, showNotes: true },
      { now: NOW },
    ))!;

    const page = await resolveShare(db, hidden.token, NOW);
    const detail = await resolveSharedCredential(db, hidden.token, id, NOW);
    expect(page).toMatchObject({
      status: "ok",
      holder: { name: "Amara Okafor", profession: "Critical-care nurse", email: null },
    });
    for (const answer of [page, detail]) {
      const json = JSON.stringify(answer);
      expect(json).not.toMatch(
        /amara\.private@example\.org|LA-234218|ask the ward manager|certificate-scan|Reflective log|holderId/,
      );
    }
    expect(detail.status === "ok" && detail.credential).toMatchObject({
      note: null,
      evidenceFiles: [],
      record: { evidence: [], recipient: { name: "Amara Okafor", identifiers: [] } },
    });
    expect(await getSharedEvidenceFile(db, hidden.token, id, "00000000-0000-4000-8000-000000000000", NOW)).toEqual({
      status: "not-found",
    });

    const open = await resolveSharedCredential(db, shown.token, id, NOW);
    expect(open.status === "ok" && open.holder.email).toBe("amara.private@example.org");
    expect(open.status === "ok" && open.credential.note).toBe("Private: ask the ward manager first");
    expect(open.status === "ok" && open.credential.evidenceFiles.map((f) => f.filename)).toEqual([
      "certificate-scan.pdf",
    ]);
    expect(open.status === "ok" && open.credential.record.evidence.map((e) => e.name)).toEqual(["Reflective log"]);
    // Identifiers stay out even when everything optional is shown.
    expect(JSON.stringify(open)).not.toContain("LA-234218");
    const fileId = open.status === "ok" ? open.credential.evidenceFiles[0]!.id : "";
    const file = await getSharedEvidenceFile(db, shown.token, id, fileId, NOW);
    expect(file.status === "ok" && Buffer.from(file.file.bytes).toString()).toBe("%PDF-1.7 scan");
    expect(await getSharedEvidenceFile(db, hidden.token, id, fileId, NOW)).toEqual({ status: "not-found" });
  });

  it("withholds a signed file that names the hidden email or a date of birth, from the download and the presentation", async () => {
    const db = ctx().db;
    const holder = await holderWithProfile(db, "nurse.hidden@example.org");
    const context = ["https://www.w3.org/ns/credentials/v2"];
    const plain = await storeSignedTestCredential(db, holder, {
      title: "Clean",
      payload: { "@context": context, id: "urn:clean", credentialSubject: { id: "did:key:z6Mk" } },
    });
    const named = await storeSignedTestCredential(db, holder, {
      title: "Names Email",
      payload: { "@context": context, id: "urn:email", credentialSubject: { email: "Nurse.Hidden@example.org" } },
    });
    const born = await storeSignedTestCredential(db, holder, {
      title: "Names Birth Date",
      payload: { "@context": context, id: "urn:dob", credentialSubject: { dateOfBirth: "1999-10-01" } },
    });
    const ids = [plain.id, named.id, born.id];
    const hidden = (await createShare(db, holder, { scope: "selection", credentialIds: ids }, { now: NOW }))!;
    const shown = (await createShare(
      db,
      holder,
      { scope: "selection", credentialIds: ids, showEmail: true },
      { now: NOW },
    ))!;

    const download = async (token: string, id: string) => {
      const answer = await getSharedDownload(db, token, id, NOW);
      return answer.status === "ok" ? answer.download.kind : answer.status;
    };
    expect([
      await download(hidden.token, plain.id),
      await download(hidden.token, named.id),
      await download(hidden.token, born.id),
    ]).toEqual(["file", "withheld", "withheld"]);
    expect([
      await download(shown.token, plain.id),
      await download(shown.token, named.id),
      await download(shown.token, born.id),
    ]).toEqual(["file", "file", "withheld"]);

    const vp = await getSharedPresentation(db, hidden.token, NOW);
    expect(vp.status === "ok" && vp.built.included).toEqual([plain.id]);
    expect(vp.status === "ok" && vp.built.excluded.map((e) => e.title)).toEqual(["Names Email", "Names Birth Date"]);
    expect(JSON.stringify(vp)).not.toMatch(/nurse\.hidden@example\.org|1999-10-01/i);
    const open = await getSharedPresentation(db, shown.token, NOW);
    expect(open.status === "ok" && open.built.included).toEqual([plain.id, named.id]);
  });

  it("offers a credential's own file, never a container holding credentials that were not shared", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "clr@example.org");
    const context = ["https://www.w3.org/ns/credentials/v2"];
    const jwt = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2ln";
    const clr = await storeSignedTestCredential(db, holder, {
      title: "Transcript",
      format: "clr2",
      payload: { "@context": context, id: "urn:clr", secretPart: "Second Module" },
      children: [
        {
          title: "First Module",
          format: "ob3",
          securing: "vc-jwt",
          payload: { vc: {} },
          signed: { kind: "compact-jws", token: jwt },
        },
        { title: "Second Module", format: "ob3", payload: { "@context": context, id: "urn:second" } },
      ],
    });
    const [first] = clr.childIds;
    const childShare = (await createShare(db, holder, { scope: "credential", credentialId: first! }, { now: NOW }))!;
    const child = await getSharedDownload(db, childShare.token, first!, NOW);
    expect(child.status === "ok" && child.download.kind === "file" && child.download).toMatchObject({
      mediaType: "application/jwt",
      filename: "First_Module.jwt",
    });
    expect(
      child.status === "ok" && child.download.kind === "file" && Buffer.from(child.download.bytes).toString(),
    ).toBe(jwt);

    const clrShare = (await createShare(db, holder, { scope: "credential", credentialId: clr.id }, { now: NOW }))!;
    const whole = await getSharedDownload(db, clrShare.token, clr.id, NOW);
    expect(
      whole.status === "ok" && whole.download.kind === "file" && Buffer.from(whole.download.bytes).toString(),
    ).toContain("secretPart");

    const vp = await getSharedPresentation(db, childShare.token, NOW);
    expect(vp.status === "ok" && vp.built.presentation.verifiableCredential).toEqual([
      {
        "@context": "https://www.w3.org/ns/credentials/v2",
        id: `data:application/vc+jwt,${jwt}`,
        type: "EnvelopedVerifiableCredential",
      },
    ]);
  });

  it("serves images only for credentials the live share names", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "image@example.org");
    const pictured = await storeSignedTestCredential(db, holder, { title: "Pictured", image: true });
    const bare = await storeSignedTestCredential(db, holder, { title: "Bare" });
    const share = (await createShare(
      db,
      holder,
      { scope: "selection", credentialIds: [pictured.id, bare.id] },
      { now: NOW },
    ))!;
    const page = await resolveShare(db, share.token, NOW);
    expect(page.status === "ok" && page.credentials.map((c) => c.hasImage)).toEqual([true, false]);
    expect((await getSharedImage(db, share.token, pictured.id, NOW)).status).toBe("ok");
    expect((await getSharedImage(db, share.token, bare.id, NOW)).status).toBe("not-found");
    await db.update(shares).set({ revokedAt: NOW }).where(eq(shares.id, share.share.id));
    expect((await getSharedImage(db, share.token, pictured.id, NOW)).status).toBe("revoked");
  });

  it("counts views and when, and keeps no client address anywhere (docs/threat-model.md F4)", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "views@example.org");
    const a = await storeTestCredential(db, holder, { title: "Views" });
    const created = (await createShare(db, holder, { scope: "credential", credentialId: a }, { now: NOW }))!;
    const limiter = createShareViewLimiter(
      db,
      { perMinute: 100, secret: "test-secret-test-secret-test-secret-0123" },
      { syncMs: 0 },
    );
    // Views are counted in memory and written in one update per share (view-batch.ts).
    const views = createViewBatcher(db, { flushMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      expect(await limiter.consume("127.0.0.1")).toEqual({ ok: true });
      expect(await limiter.consume("2001:db8::77")).toEqual({ ok: true });
      views.count(created.share.id, new Date(NOW.getTime() + (4 - i) * 1000));
    }
    expect((await getShare(db, holder, created.share.id, NOW))!.viewCount).toBe(0);
    await views.flush();
    const share = await getShare(db, holder, created.share.id, NOW);
    expect(share).toMatchObject({ viewCount: 5, lastViewedAt: new Date(NOW.getTime() + 4000) });
    const dump = await databaseDump(db);
    expect(dump).not.toContain("127.0.0.1");
    expect(dump).not.toContain("2001:db8::77");
    // A revoked link counts nothing more.
    await db.update(shares).set({ revokedAt: NOW }).where(eq(shares.id, created.share.id));
    views.count(created.share.id);
    await views.flush();
    expect((await getShare(db, holder, created.share.id))!.viewCount).toBe(5);
  });

  it("limits lookups per client address without affecting other clients (docs/threat-model.md F2)", async () => {
    const db = ctx().db;
    const limiter = createShareViewLimiter(
      db,
      { perMinute: 3, secret: "another-secret-another-secret-another-0" },
      { syncMs: 0 },
    );
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.consume("198.51.100.20"));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results[4]).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect(await limiter.consume("198.51.100.21")).toEqual({ ok: true });
  });
});
