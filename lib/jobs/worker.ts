import os from "node:os";
import crypto from "node:crypto";
import type { Database } from "@/db/client";
import {
  claimJob,
  completeJob,
  failExhaustedJobs,
  failJob,
  holdsLease,
  LeaseLostError,
  releaseJob,
  type ClaimedJob,
} from "./queue";

/** What a handler gets besides its job: the pool, a signal that says "stop now", and the lease check. */
export interface JobContext {
  db: Database;
  /** Aborted when this process stops (SIGTERM) or the lease was lost: stop between steps and return. */
  signal: AbortSignal;
  /** Call inside each transaction that writes the job's results (see `holdsLease`). */
  holdsLease(tx: Pick<Database, "execute">): Promise<void>;
}

export interface JobHandler {
  run(job: ClaimedJob, context: JobContext): Promise<unknown>;
  /** A recurring duty: due again this long after each run ends. */
  everyMs?: number;
  /** Bookkeeping when a job is given up for good (its attempts are spent). */
  onGivenUp?(db: Database, job: Pick<ClaimedJob, "id" | "payload">, reason: string): Promise<void>;
}

export interface WorkerOptions {
  db: Database;
  handlers: Record<string, JobHandler>;
  /** Names this process in lease owners and logs. */
  instance?: string;
  leaseMs?: number;
  pollMs?: number;
  /** How many jobs this process runs at once. */
  concurrency?: number;
  retryMs?: number;
  onError?: (message: string, error: unknown, job?: ClaimedJob) => void;
}

export interface Worker {
  start(): void;
  /** Looks for due work now (say, right after enqueueing) instead of at the next poll. */
  nudge(): void;
  /**
   * Stops claiming, asks running jobs to stop, waits for them up to `graceMs`, and gives back (or
   * leaves to lease expiry, if the database is gone) whatever is still unfinished.
   */
  stop(graceMs: number): Promise<void>;
  /** The jobs running in this process now. */
  running(): number;
}

export function defaultInstanceName(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

/**
 * Runs queued jobs in this process: polls for due work, runs up to `concurrency` jobs at once,
 * renews each lease every third of its length, completes, reschedules or fails each job, and on
 * stop gives unfinished jobs back so another process resumes them at once.
 */
export function createWorker(options: WorkerOptions): Worker {
  const { db, handlers } = options;
  const instance = options.instance ?? defaultInstanceName();
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 2_000;
  const concurrency = options.concurrency ?? 2;
  const retryMs = options.retryMs ?? 30_000;
  const onError = options.onError ?? (() => undefined);
  const kinds = Object.keys(handlers);
  const inFlight = new Map<string, { job: ClaimedJob; done: Promise<void> }>();
  const stopping = new AbortController();
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let polling = false;
  let again = false;

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = handlers[job.kind]!;
    const controller = new AbortController();
    const onStop = () => controller.abort(stopping.signal.reason);
    stopping.signal.addEventListener("abort", onStop, { once: true });
    const heartbeat = setInterval(
      () =>
        void holdsLease(db, job).catch((error: unknown) => {
          if (error instanceof LeaseLostError) controller.abort(error);
          else onError("could not renew a lease", error, job);
        }),
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      await handler.run(job, {
        db,
        signal: controller.signal,
        holdsLease: (tx) => holdsLease(tx, job),
      });
      if (controller.signal.aborted) throw controller.signal.reason;
      await completeJob(db, job, handler.everyMs);
    } catch (error) {
      if (error instanceof LeaseLostError || controller.signal.reason instanceof LeaseLostError) {
        onError("lease lost; the job is another process's now", error, job);
      } else if (stopping.signal.aborted) {
        await releaseJob(db, job).catch((e: unknown) => onError("could not give a job back", e, job));
      } else {
        onError("job failed", error, job);
        const message = error instanceof Error ? error.message : String(error);
        const settled = await failJob(db, job, message, handler.everyMs ?? retryMs).catch(() => false);
        if (settled && job.attempts >= job.maxAttempts)
          await handler
            .onGivenUp?.(db, job, message)
            .catch((e: unknown) => onError("could not record a failure", e, job));
      }
    } finally {
      clearInterval(heartbeat);
      stopping.signal.removeEventListener("abort", onStop);
    }
  }

  async function poll(): Promise<void> {
    if (polling) {
      again = true;
      return;
    }
    polling = true;
    try {
      for (const given of await failExhaustedJobs(db, kinds))
        await handlers[given.kind]?.onGivenUp?.(db, given, "Stopped with its process on every attempt.");
      while (!stopping.signal.aborted && inFlight.size < concurrency) {
        const job = await claimJob(db, { kinds, instance, leaseMs });
        if (!job) break;
        const done = runOne(job).finally(() => {
          inFlight.delete(job.id);
          if (!stopping.signal.aborted) nudge();
        });
        inFlight.set(job.id, { job, done });
      }
    } catch (error) {
      onError("could not look for work", error);
    } finally {
      polling = false;
      if (again && !stopping.signal.aborted) {
        again = false;
        void poll();
      }
    }
  }

  function schedule(): void {
    if (stopping.signal.aborted) return;
    pollTimer = setTimeout(() => {
      void poll().finally(schedule);
    }, pollMs);
    pollTimer.unref();
  }

  function nudge(): void {
    if (!stopping.signal.aborted) void poll();
  }

  return {
    start() {
      nudge();
      schedule();
    },
    nudge,
    async stop(graceMs) {
      stopping.abort(new Error("this process is stopping"));
      if (pollTimer) clearTimeout(pollTimer);
      const all = Promise.all([...inFlight.values()].map((f) => f.done));
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      // Still running after the grace period: given back now, so another process need not wait for
      // the lease to run out. Its late writes fail the lease check (the owner is cleared).
      for (const { job } of inFlight.values())
        await releaseJob(db, job).catch((e: unknown) => onError("could not give a job back", e, job));
    },
    running: () => inFlight.size,
  };
}
