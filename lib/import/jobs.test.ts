import { eq, sql } from "drizzle-orm";
import yazl from "yazl";
import { beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { credentials, importJobItems, importJobSources, users } from "@/db/schema";
import { createEd25519Issuer, issueOpenBadge, tamper, type TestIssuer } from "@/test-issuer";
import { createGuardedFetch } from "@/lib/net";
import { describeEachDatabase } from "@/testkit/each-database";
import { claimJob, holdsLease, LeaseLostError } from "@/lib/jobs/queue";
import { openAnotherInstance } from "@/testkit/test-database";
import { createImportJob, getImportJobForHolder, IMPORT_JOB_KIND, runImportJob } from "./jobs";

let issuer: TestIssuer;
const deps = { fetch: createGuardedFetch({ documents: new Map() }) };
const enc = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

beforeAll(async () => {
  issuer = await createEd25519Issuer();
});

async function zip(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  const archive = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(files)) archive.addBuffer(Buffer.from(bytes), name);
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function holder(db: Database, email: string) {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

describeEachDatabase("import jobs", (ctx) => {
  it("imports a zip item by item, verifies each, and reports every item (docs/threat-model.md D10)", async () => {
    const db = ctx().db;
    const email = "jobs@example.org";
    const id = await holder(db, email);
    const good = await issueOpenBadge(issuer, {
      recipientEmail: email,
      achievement: { name: "Pressure Ulcer Prevention" },
    });
    const forged = tamper(
      await issueOpenBadge(issuer, { achievement: { name: "Real" } }),
      ["credentialSubject", "achievement", "name"],
      "Forged",
    );
    const archive = await zip({
      "a.json": enc(good),
      "b.json": enc(forged),
      "c.txt": enc("not a credential"),
      "d.json": enc(good),
    });
    const jobId = await createImportJob(db, id, "upload", [{ name: "batch.zip", bytes: archive }]);
    await runImportJob(db, jobId, deps);

    const job = await getImportJobForHolder(db, id, jobId);
    expect(job).toMatchObject({ status: "done", total: 4, processed: 4 });
    expect(job!.items.map((i) => i.outcome)).toEqual(["imported", "imported", "rejected", "duplicate"]);
    const verdicts = await db
      .select({ title: credentials.title, verdict: credentials.verdict })
      .from(credentials)
      .where(eq(credentials.holderId, id));
    expect(Object.fromEntries(verdicts.map((v) => [v.title, v.verdict]))).toEqual({
      "Pressure Ulcer Prevention": "verified",
      Forged: "not-verified",
    });
    expect(await db.select().from(importJobSources).where(eq(importJobSources.jobId, jobId))).toEqual([]);
  });

  it("resumes an interrupted job without importing anything twice", async () => {
    const db = ctx().db;
    const id = await holder(db, "resume@example.org");
    const files = await Promise.all(
      [1, 2, 3].map(async (n) => ({
        name: `${n}.json`,
        bytes: enc(await issueOpenBadge(issuer, { achievement: { name: `Module ${n}` } })),
      })),
    );
    const jobId = await createImportJob(db, id, "upload", files);
    // As if the process died right after item 0 was imported and reported.
    await runImportJob(db, jobId, deps);
    await db.delete(importJobItems).where(eq(importJobItems.position, 2));
    await db.delete(credentials).where(eq(credentials.title, "Module 3"));
    await runImportJob(db, jobId, deps); // done jobs are left alone
    expect((await getImportJobForHolder(db, id, jobId))!.items).toHaveLength(2);

    const resumable = await createImportJob(db, id, "upload", files);
    await db.insert(importJobItems).values({
      jobId: resumable,
      position: 0,
      name: "1.json",
      outcome: "duplicate",
      message: "Already in your wallet",
    });
    await runImportJob(db, resumable, deps);
    const job = await getImportJobForHolder(db, id, resumable);
    expect(job!.items.map((i) => i.outcome)).toEqual(["duplicate", "duplicate", "imported"]);
    expect(await db.select().from(credentials).where(eq(credentials.holderId, id))).toHaveLength(3);
  });

  it("an import whose instance dies mid-job is finished by another instance: every item once, nothing lost", async () => {
    const db = ctx().db;
    const other = openAnotherInstance(ctx());
    try {
      const id = await holder(db, "takeover@example.org");
      const files = await Promise.all(
        [1, 2, 3, 4, 5].map(async (n) => ({
          name: `${n}.json`,
          bytes: enc(await issueOpenBadge(issuer, { achievement: { name: `Takeover ${n}` } })),
        })),
      );
      const jobId = await createImportJob(db, id, "upload", files);
      const claim = (from: typeof db, instance: string) =>
        claimJob(from, { kinds: [IMPORT_JOB_KIND], instance, leaseMs: 60_000, onlyKey: `import:${jobId}` });

      // Instance A claims the job and stops after two items without giving it back (as a kill -9 would).
      const first = (await claim(db, "a"))!;
      expect(first.payload).toEqual({ importJobId: jobId });
      const dying = new AbortController();
      let written = 0;
      await runImportJob(db, jobId, deps, {
        signal: dying.signal,
        holdsLease: async (tx) => {
          await holdsLease(tx, first);
          if (++written === 3) dying.abort(); // the status row, then two items
        },
      });
      expect((await getImportJobForHolder(db, id, jobId))!.items).toHaveLength(2);
      expect(await claim(other, "b")).toBeNull(); // A's lease still runs

      await db.execute(
        sql`update background_jobs set lease_until = now() - interval '1 second' where key = ${`import:${jobId}`}`,
      );
      const second = (await claim(other, "b"))!;
      await runImportJob(other, jobId, deps, {
        signal: new AbortController().signal,
        holdsLease: (tx) => holdsLease(tx, second),
      });
      // A comes back and tries to go on: its lease is gone, so nothing it does is stored.
      await expect(
        runImportJob(db, jobId, deps, { signal: dying.signal, holdsLease: (tx) => holdsLease(tx, first) }),
      ).resolves.toBeUndefined(); // the job is done: nothing left to do

      const job = await getImportJobForHolder(db, id, jobId);
      expect(job).toMatchObject({ status: "done", total: 5, processed: 5 });
      expect(job!.items.map((i) => i.outcome)).toEqual(Array(5).fill("imported"));
      expect(await db.select().from(credentials).where(eq(credentials.holderId, id))).toHaveLength(5);
    } finally {
      await other.$client.end();
    }
  });

  it("a claim that lost its lease stores nothing, not even the credential of the item it was on", async () => {
    const db = ctx().db;
    const id = await holder(db, "lost-lease@example.org");
    const jobId = await createImportJob(db, id, "paste", [
      { name: "one.json", bytes: enc(await issueOpenBadge(issuer, { achievement: { name: "Lost lease" } })) },
    ]);
    const onlyKey = `import:${jobId}`;
    const claimed = (await claimJob(db, { kinds: [IMPORT_JOB_KIND], instance: "a", leaseMs: 60_000, onlyKey }))!;
    await db.execute(sql`update background_jobs set lease_until = now() - interval '1 second' where key = ${onlyKey}`);
    expect(await claimJob(db, { kinds: [IMPORT_JOB_KIND], instance: "b", leaseMs: 60_000, onlyKey })).not.toBeNull();
    await expect(
      runImportJob(db, jobId, deps, {
        signal: new AbortController().signal,
        holdsLease: (tx) => holdsLease(tx, claimed),
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await db.select().from(credentials).where(eq(credentials.holderId, id))).toEqual([]);
    expect((await getImportJobForHolder(db, id, jobId))!.items).toEqual([]);
  });

  it("reports an item that fails unexpectedly and finishes the job, instead of stalling it", async () => {
    const db = ctx().db;
    const id = await holder(db, "unexpected@example.org");
    const broken = { fetch: async () => Promise.reject(new TypeError("socket hang up")) };
    const jobId = await createImportJob(db, id, "paste", [
      { name: "link", bytes: enc("https://issuer.example/badge.json") },
    ]);
    await runImportJob(db, jobId, broken);
    const job = await getImportJobForHolder(db, id, jobId);
    expect(job).toMatchObject({ status: "done", processed: 1 });
    expect(job!.items).toEqual([
      { name: "link", outcome: "rejected", message: expect.stringContaining("error on our side") },
    ]);
  });

  it("never shows one holder another holder's job", async () => {
    const db = ctx().db;
    const a = await holder(db, "job-a@example.org");
    const b = await holder(db, "job-b@example.org");
    const jobId = await createImportJob(db, a, "paste", [{ name: "x", bytes: enc("hello") }]);
    expect(await getImportJobForHolder(db, b, jobId)).toBeNull();
  });
});
