import "server-only";
import { sendDueReminderDigests } from "@/lib/cpd/digest";
import { refreshStaleVerifications } from "@/lib/credential-store/refresh-stale";
import { env } from "@/lib/env";
import { getDb } from "./database";
import { serverFetch } from "./fetch";
import { resumeInterruptedImportJobs } from "./import-jobs";
import { remember } from "./remember";
import { logError } from "@/lib/observability/logger";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Runs `work` every `everyMs` in this process, once per process whatever asks (a timer that does
 * not keep the process alive), and never two runs at once.
 */
function every(name: string, everyMs: number, work: () => Promise<unknown>): void {
  remember(`timer.${name}`, () => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      work()
        .catch((error: unknown) => logError(name, "scheduled run failed", error))
        .finally(() => {
          busy = false;
        });
    }, everyMs);
    timer.unref();
    return timer;
  });
}

/**
 * The background work of a server process, started once from instrumentation.ts: imports that a
 * crash or restart interrupted resume; stale verification results are re-checked every quarter
 * of the configured age; and, only when real mail is configured (SMTP_URL), due expiry and renewal
 * reminders are emailed hourly. Without SMTP the `reminders` command writes them to the mail
 * folder on demand, and a development or test server does not fill the outbox the sign-in
 * journeys read. Several instances may send at once; the delivery rows make each reminder go out once.
 */
export async function startBackgroundWork(): Promise<void> {
  await resumeInterruptedImportJobs().catch((error: unknown) =>
    logError("import", "could not resume interrupted jobs", error),
  );
  every("verify-refresh", Math.max(60_000, (env.verifyMaxAgeMinutes * 60_000) / 4), () =>
    refreshStaleVerifications(getDb(), serverFetch(), { maxAgeMinutes: env.verifyMaxAgeMinutes }),
  );
  if (env.smtpUrl) every("reminders", HOUR_MS, () => sendDueReminderDigests(getDb(), new Date()));
}
