import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { backgroundJobs } from "@/db/schema";

/**
 * The shared work queue (ADR 0033), as plain SQL on PostgreSQL or PGlite: a row is claimed with
 * FOR UPDATE SKIP LOCKED, so two processes polling at the same instant never get the same row;
 * the claim is a lease (database time, so the processes' clocks do not matter) that the holder
 * renews; a row whose lease ran out is due again. Every write a job makes passes `holdsLease` in
 * its own transaction, so a process that lost its lease (paused, partitioned, presumed dead)
 * cannot commit anything after its successor took over.
 */

/** Anything that can run a query: the pool or a transaction. */
type Queryable = Pick<Database, "execute">;

export interface ClaimedJob {
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  /** This claim's lease: "<instance>/<random>", unique per claim. */
  leaseOwner: string;
  leaseMs: number;
}

/** The lease of a job is no longer this claim's: another process took it over, or it ended. */
export class LeaseLostError extends Error {
  constructor(job: Pick<ClaimedJob, "id" | "kind">) {
    super(`The lease on ${job.kind} job ${job.id} was lost; another process owns it now.`);
    this.name = "LeaseLostError";
  }
}

interface JobRow extends Record<string, unknown> {
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * Adds a job unless one with this key exists (then nothing changes). Pass a transaction to enqueue
 * atomically with the rows the job will work on. Returns whether a row was added.
 */
export async function enqueueJob(
  db: Queryable,
  job: { kind: string; key: string; payload?: Record<string, unknown>; runAfter?: Date; maxAttempts?: number },
): Promise<boolean> {
  const result = await db.execute(sql`
    insert into background_jobs (kind, key, payload, run_after, max_attempts)
    values (${job.kind}, ${job.key}, ${JSON.stringify(job.payload ?? {})}::jsonb,
            coalesce(${job.runAfter?.toISOString() ?? null}::timestamptz, now()), ${job.maxAttempts ?? 5})
    on conflict (key) do nothing`);
  return (result.rowCount ?? 0) > 0;
}

/** A recurring duty: one row whose key is its kind, due now when first added and again after each run. */
export function ensureRecurringJob(db: Queryable, kind: string): Promise<boolean> {
  return enqueueJob(db, { kind, key: kind, maxAttempts: 1_000_000 });
}

export function newLeaseOwner(instance: string): string {
  return `${instance}/${crypto.randomUUID()}`;
}

/**
 * Claims one due job of the given kinds (or only the job with key `onlyKey`): pending and due, or running with a
 * lease that ran out. Jobs past their attempts are left to `failExhaustedJobs`.
 */
export async function claimJob(
  db: Queryable,
  {
    kinds,
    instance,
    leaseMs,
    onlyKey,
  }: { kinds: readonly string[]; instance: string; leaseMs: number; onlyKey?: string },
): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  const owner = newLeaseOwner(instance);
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const result = await db.execute<JobRow>(sql`
    with next as (
      select id from background_jobs
      where kind in (${kindList})
        and ${onlyKey ? sql`key = ${onlyKey}` : sql`true`}
        and attempts < max_attempts
        and ((status = 'pending' and run_after <= now()) or (status = 'running' and lease_until < now()))
      order by run_after
      limit 1
      for update skip locked
    )
    update background_jobs j
    set status = 'running', lease_owner = ${owner},
        lease_until = now() + ${leaseMs} * interval '1 millisecond', attempts = j.attempts + 1
    from next where j.id = next.id
    returning j.id, j.kind, j.key, j.payload, j.attempts, j.max_attempts`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseOwner: owner,
    leaseMs,
  };
}

/**
 * Renews the lease and proves this claim still holds it; inside a transaction, the row stays
 * locked until commit, so no other process can take the job over between the check and the
 * commit. Throws LeaseLostError otherwise (and the transaction rolls back).
 */
export async function holdsLease(db: Queryable, job: ClaimedJob): Promise<void> {
  const result = await db.execute(sql`
    update background_jobs set lease_until = now() + ${job.leaseMs} * interval '1 millisecond'
    where id = ${job.id} and lease_owner = ${job.leaseOwner} and status = 'running'`);
  if ((result.rowCount ?? 0) === 0) throw new LeaseLostError(job);
}

async function settle(db: Queryable, job: ClaimedJob, set: ReturnType<typeof sql>): Promise<boolean> {
  const result = await db.execute(sql`
    update background_jobs set ${set}, lease_owner = null, lease_until = null
    where id = ${job.id} and lease_owner = ${job.leaseOwner} and status = 'running'`);
  return (result.rowCount ?? 0) > 0;
}

/** The job is finished; with `againInMs` (a recurring duty) it becomes due again that much later. */
export function completeJob(db: Queryable, job: ClaimedJob, againInMs?: number): Promise<boolean> {
  return settle(
    db,
    job,
    againInMs === undefined
      ? sql`status = 'done', finished_at = now(), last_error = null`
      : sql`status = 'pending', attempts = 0, last_error = null,
            run_after = now() + ${againInMs} * interval '1 millisecond'`,
  );
}

/** Gives the job back unfinished (this process is stopping): due again at once, and the attempt does not count. */
export function releaseJob(db: Queryable, job: ClaimedJob): Promise<boolean> {
  return settle(db, job, sql`status = 'pending', run_after = now(), attempts = greatest(attempts - 1, 0)`);
}

/** The run failed: due again after `retryInMs`, or failed for good once its attempts are spent. */
export function failJob(db: Queryable, job: ClaimedJob, error: string, retryInMs: number): Promise<boolean> {
  return settle(
    db,
    job,
    sql`last_error = ${error.slice(0, 1000)},
        status = case when attempts >= max_attempts then 'failed' else 'pending' end,
        finished_at = case when attempts >= max_attempts then now() end,
        run_after = now() + ${retryInMs} * interval '1 millisecond'`,
  );
}

/**
 * Jobs whose every attempt ended with the process dying (a job that crashes its process, say):
 * marked failed so no process claims them again. Returns them for the kinds' own bookkeeping.
 */
export async function failExhaustedJobs(
  db: Queryable,
  kinds: readonly string[],
): Promise<Pick<ClaimedJob, "id" | "kind" | "payload">[]> {
  if (kinds.length === 0) return [];
  const result = await db.execute<JobRow>(sql`
    update background_jobs
    set status = 'failed', finished_at = now(), lease_owner = null, lease_until = null,
        last_error = coalesce(last_error, 'Stopped with its process on every attempt.')
    where kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )}) and attempts >= max_attempts
      and (status = 'pending' or (status = 'running' and lease_until < now()))
    returning id, kind, payload`);
  return result.rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload }));
}

/** Jobs due ("queued") or running, and how long the oldest has been due, by kind: for the metrics. */
export async function queueFigures(
  db: Queryable,
): Promise<{ kind: string; status: string; waiting: number; ageSeconds: number }[]> {
  const result = await db.execute<{ kind: string; status: string; waiting: number; age: number | null }>(sql`
    select kind, case status when 'pending' then 'queued' else status end as status, count(*)::int as waiting,
           extract(epoch from now() - min(run_after))::float8 as age
    from background_jobs
    where (status = 'pending' and run_after <= now()) or status = 'running'
    group by kind, status`);
  return result.rows.map((r) => ({
    kind: r.kind,
    status: r.status,
    waiting: r.waiting,
    ageSeconds: Math.max(0, r.age ?? 0),
  }));
}

/** One job's row, for tests and the fault checks. */
export async function getJob(db: Database, id: string) {
  const [row] = await db
    .select()
    .from(backgroundJobs)
    .where(and(eq(backgroundJobs.id, id)));
  return row ?? null;
}
