import "server-only";
import { getDb } from "@/db";
import { findInterruptedJobIds, runImportJob } from "./jobs";
import { defaultImportDeps } from "./deps";

const globalForJobs = globalThis as unknown as { tesseraRunningJobs?: Set<string> };
const running = (globalForJobs.tesseraRunningJobs ??= new Set());

/** Runs a job in the background of this server process; one run per job at a time. */
export function startImportJob(jobId: string): void {
  if (running.has(jobId)) return;
  running.add(jobId);
  runImportJob(getDb(), jobId, defaultImportDeps())
    .catch((error: unknown) => console.error(`[import] job ${jobId} stopped:`, error))
    .finally(() => running.delete(jobId));
}

/** Called once at server start: picks up jobs a crash or restart interrupted. */
export async function resumeInterruptedImportJobs(): Promise<void> {
  for (const jobId of await findInterruptedJobIds(getDb())) startImportJob(jobId);
}
