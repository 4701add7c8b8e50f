import "server-only";
import { findInterruptedJobIds, runImportJob } from "@/lib/import/jobs";
import { getDb } from "./database";
import { serverFetch } from "./fetch";
import { remember } from "./remember";
import { logError } from "@/lib/observability/logger";

/** The jobs this process is running, so a job never runs twice in one process. */
const running = () => remember("import-jobs", () => new Set<string>());

/** Runs a job in the background of this server process; one run per job at a time. */
export function startImportJob(jobId: string): void {
  const jobs = running();
  if (jobs.has(jobId)) return;
  jobs.add(jobId);
  runImportJob(getDb(), jobId, { fetch: serverFetch() })
    .catch((error: unknown) => logError("import", "job stopped", error, { jobId }))
    .finally(() => jobs.delete(jobId));
}

/** Called once at server start: picks up jobs a crash or restart interrupted. */
export async function resumeInterruptedImportJobs(): Promise<void> {
  for (const jobId of await findInterruptedJobIds(getDb())) startImportJob(jobId);
}
