import "server-only";
import { sendDueReminderDigests } from "@/lib/cpd/digest";
import { refreshStaleVerifications } from "@/lib/credential-store/refresh-stale";
import { env } from "@/lib/env";
import { IMPORT_JOB_KIND, markImportJobFailed, runImportJob } from "@/lib/import/jobs";
import { ensureRecurringJob } from "@/lib/jobs/queue";
import { createWorker, type JobHandler, type Worker } from "@/lib/jobs/worker";
import { onDrain } from "@/lib/observability/lifecycle";
import { logError } from "@/lib/observability/logger";
import { getDb } from "./database";
import { serverFetch } from "./fetch";
import { remember } from "./remember";

const HOUR_MS = 60 * 60 * 1000;

/** How long a shutting-down process lets its jobs finish before giving them back (within the HTTP server's 10 s). */
const JOB_GRACE_MS = 8_000;

/**
 * The background duties of a server process, each a kind of job on the shared queue (lib/jobs,
 * ADR 0033), so that with several instances each is claimed by exactly one:
 * - `import`: a holder's bulk import, queued by POST /api/imports;
 * - `verify-refresh`: re-checks stale verification results, every quarter of the configured age;
 * - `reminders`: emails due expiry and renewal reminders hourly, only when real mail is configured
 *   (SMTP_URL). Without SMTP the `reminders` command writes them to the mail folder on demand, and
 *   a development or test server does not fill the outbox the sign-in journeys read.
 */
function handlers(): Record<string, JobHandler> {
  const duties: Record<string, JobHandler> = {
    [IMPORT_JOB_KIND]: {
      run: (job, { db, signal, holdsLease }) =>
        runImportJob(db, String(job.payload.importJobId), { fetch: serverFetch() }, { holdsLease, signal }),
      onGivenUp: (db, job, reason) =>
        markImportJobFailed(
          db,
          String(job.payload.importJobId),
          `This import stopped and could not be finished (${reason}). Items listed were imported; import the rest again.`,
        ),
    },
    "verify-refresh": {
      everyMs: Math.max(60_000, (env.verifyMaxAgeMinutes * 60_000) / 4),
      run: (_job, { db }) => refreshStaleVerifications(db, serverFetch(), { maxAgeMinutes: env.verifyMaxAgeMinutes }),
    },
  };
  if (env.smtpUrl)
    duties.reminders = { everyMs: HOUR_MS, run: (_job, { db }) => sendDueReminderDigests(db, new Date()) };
  return duties;
}

/** This process's worker, created on first use. */
function worker(): Worker {
  return remember("job-worker", () =>
    createWorker({
      db: getDb(),
      handlers: handlers(),
      leaseMs: env.jobLeaseMs,
      // A job that failed (the database went away mid-import, say) is tried again soon.
      retryMs: 5_000,
      onError: (message, error, job) =>
        logError("jobs", message, error, job ? { jobId: job.id, kind: job.kind, attempt: job.attempts } : {}),
    }),
  );
}

/**
 * Started once from instrumentation.ts: makes sure the recurring duties have their queue rows,
 * starts polling (which also picks up work an instance that died left behind once its lease runs
 * out), and on shutdown stops claiming and gives back unfinished work (lib/observability/lifecycle).
 */
export async function startBackgroundWork(): Promise<void> {
  const db = getDb();
  for (const kind of Object.keys(handlers()).filter((k) => k !== IMPORT_JOB_KIND))
    await ensureRecurringJob(db, kind).catch((error: unknown) => logError("jobs", `could not schedule ${kind}`, error));
  worker().start();
  onDrain("background jobs", () => worker().stop(JOB_GRACE_MS));
}

/** Just queued something: look for it now rather than at the next poll. */
export function nudgeBackgroundWork(): void {
  worker().nudge();
}
