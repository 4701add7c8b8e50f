import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { describeEachDatabase } from "@/testkit/each-database";
import { openAnotherInstance } from "@/testkit/test-database";
import {
  claimJob,
  completeJob,
  enqueueJob,
  ensureRecurringJob,
  getJob,
  holdsLease,
  LeaseLostError,
  releaseJob,
  type ClaimedJob,
} from "./queue";
import { createWorker, type JobHandler } from "./worker";

/**
 * What the jobs did, one row per write. No unique key on purpose: a job run twice would leave two
 * rows, and the tests count them.
 */
async function createEffectsTable(db: Database) {
  await db.execute(sql`create table if not exists job_effects (job_key text not null, instance text not null)`);
  await db.execute(sql`delete from job_effects`);
  await db.execute(sql`delete from background_jobs`);
}

async function effects(db: Database): Promise<{ job_key: string; instance: string }[]> {
  return (
    await db.execute<{ job_key: string; instance: string }>(
      sql`select job_key, instance from job_effects order by job_key`,
    )
  ).rows;
}

/** A job whose one write is checked against its lease, as real jobs' writes are. */
function recordingHandler(instance: string): JobHandler {
  return {
    run: (job, { db, holdsLease: held }) =>
      db.transaction(async (tx) => {
        await held(tx);
        await tx.execute(sql`insert into job_effects values (${job.key}, ${instance})`);
      }),
  };
}

const expire = (db: Database, id: string) =>
  db.execute(sql`update background_jobs set lease_until = now() - interval '1 second' where id = ${id}`);

describeEachDatabase("background job queue", (ctx) => {
  beforeEach(async () => {
    await createEffectsTable(ctx().db);
  });

  it("two instances claiming at the same moment never get the same job, and every job is claimed", async () => {
    const a = ctx().db;
    const b = openAnotherInstance(ctx());
    try {
      for (let i = 0; i < 30; i++) await enqueueJob(a, { kind: "test", key: `race-${i}` });
      const claimAll = async (db: Database, instance: string) => {
        const mine: ClaimedJob[] = [];
        for (;;) {
          const job = await claimJob(db, { kinds: ["test"], instance, leaseMs: 60_000 });
          if (!job) return mine;
          mine.push(job);
        }
      };
      const [fromA, fromB] = await Promise.all([claimAll(a, "a"), claimAll(b, "b")]);
      const keys = [...fromA, ...fromB].map((j) => j.key).sort();
      expect(keys).toHaveLength(30);
      expect(new Set(keys).size).toBe(30);
    } finally {
      await b.$client.end();
    }
  });

  it("two workers on separate pools run each job exactly once", async () => {
    const a = ctx().db;
    const b = openAnotherInstance(ctx());
    const workers = [
      createWorker({ db: a, handlers: { test: recordingHandler("a") }, instance: "a", pollMs: 20 }),
      createWorker({ db: b, handlers: { test: recordingHandler("b") }, instance: "b", pollMs: 20 }),
    ];
    try {
      for (let i = 0; i < 20; i++) await enqueueJob(a, { kind: "test", key: `once-${i}` });
      for (const worker of workers) worker.start();
      await expect
        .poll(async () => (await a.execute(sql`select 1 from background_jobs where status <> 'done'`)).rows.length, {
          timeout: 20_000,
        })
        .toBe(0);
      const rows = await effects(a);
      expect(rows.map((r) => r.job_key)).toEqual(Array.from({ length: 20 }, (_, i) => `once-${i}`).sort());
    } finally {
      await Promise.all(workers.map((w) => w.stop(1000)));
      await b.$client.end();
    }
  });

  it("a job whose instance died is taken over when its lease runs out, and the dead claim can write nothing", async () => {
    const a = ctx().db;
    const b = openAnotherInstance(ctx());
    try {
      await enqueueJob(a, { kind: "test", key: "takeover" });
      const dead = (await claimJob(a, { kinds: ["test"], instance: "a", leaseMs: 60_000 }))!;
      // While A's lease runs, nobody else gets the job.
      expect(await claimJob(b, { kinds: ["test"], instance: "b", leaseMs: 60_000 })).toBeNull();

      await expire(a, dead.id);
      const successor = (await claimJob(b, { kinds: ["test"], instance: "b", leaseMs: 60_000 }))!;
      expect(successor).toMatchObject({ id: dead.id, attempts: 2 });

      // A wakes up: its lease check fails inside its transaction, so its write rolls back.
      await expect(
        a.transaction(async (tx) => {
          await holdsLease(tx, dead);
          await tx.execute(sql`insert into job_effects values ('takeover', 'a')`);
        }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      expect(await completeJob(a, dead)).toBe(false);

      await b.transaction(async (tx) => {
        await holdsLease(tx, successor);
        await tx.execute(sql`insert into job_effects values ('takeover', 'b')`);
      });
      expect(await completeJob(b, successor)).toBe(true);
      expect(await effects(a)).toEqual([{ job_key: "takeover", instance: "b" }]);
      expect(await getJob(a, dead.id)).toMatchObject({ status: "done", leaseOwner: null });
    } finally {
      await b.$client.end();
    }
  });

  it("on shutdown a worker stops claiming and gives its unfinished job back, which another instance finishes", async () => {
    const a = ctx().db;
    const b = openAnotherInstance(ctx());
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    // Works step by step until asked to stop, as an import does between items.
    const stepwise: JobHandler = {
      run: async (_job, { signal }) => {
        started();
        while (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 10));
      },
    };
    const first = createWorker({ db: a, handlers: { test: stepwise }, instance: "a", pollMs: 20 });
    const second = createWorker({ db: b, handlers: { test: recordingHandler("b") }, instance: "b", pollMs: 20 });
    try {
      await enqueueJob(a, { kind: "test", key: "handover" });
      await enqueueJob(a, { kind: "test", key: "later", runAfter: new Date(Date.now() + 60_000) });
      first.start();
      await running;
      await first.stop(5_000);
      expect(first.running()).toBe(0);
      const [job] = (
        await a.execute<{ status: string; lease_owner: string | null; attempts: number }>(
          sql`select status, lease_owner, attempts from background_jobs where key = 'handover'`,
        )
      ).rows;
      // Given back, due at once, and the interrupted attempt not counted against it.
      expect(job).toEqual({ status: "pending", lease_owner: null, attempts: 0 });

      second.start();
      await expect.poll(async () => (await getJobByKey(a, "handover"))?.status, { timeout: 20_000 }).toBe("done");
      expect(await effects(a)).toEqual([{ job_key: "handover", instance: "b" }]);
      // A job not yet due stays where it is.
      expect((await getJobByKey(a, "later"))?.status).toBe("pending");
    } finally {
      await second.stop(1000);
      await b.$client.end();
    }
  });

  it("a recurring duty is one row, due again after each run, and released work keeps its place", async () => {
    const db = ctx().db;
    expect(await ensureRecurringJob(db, "duty")).toBe(true);
    expect(await ensureRecurringJob(db, "duty")).toBe(false);
    const run = (await claimJob(db, { kinds: ["duty"], instance: "a", leaseMs: 60_000 }))!;
    expect(await completeJob(db, run, 3_600_000)).toBe(true);
    expect(await claimJob(db, { kinds: ["duty"], instance: "a", leaseMs: 60_000 })).toBeNull();
    const row = await getJobByKey(db, "duty");
    expect(row).toMatchObject({ status: "pending", attempts: 0, leaseOwner: null });
    expect(row!.runAfter.getTime()).toBeGreaterThan(Date.now() + 3_500_000);

    await enqueueJob(db, { kind: "test", key: "released" });
    const claimed = (await claimJob(db, { kinds: ["test"], instance: "a", leaseMs: 60_000 }))!;
    expect(await releaseJob(db, claimed)).toBe(true);
    expect(await claimJob(db, { kinds: ["test"], instance: "b", leaseMs: 60_000 })).toMatchObject({
      key: "released",
      attempts: 1,
    });
  });
});

async function getJobByKey(db: Database, key: string) {
  const [row] = (await db.execute<{ id: string }>(sql`select id from background_jobs where key = ${key}`)).rows;
  return row ? getJob(db, row.id) : null;
}
