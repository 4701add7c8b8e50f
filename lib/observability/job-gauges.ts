import "server-only";
import type { Database } from "@/db/client";
import { queueFigures } from "@/lib/jobs/queue";
import { metrics } from "./metrics";

/**
 * Reads the job queue's depth and age from the database when Prometheus scrapes, so every instance
 * reports the same figures whichever one is asked. Age is how long the oldest due job has waited.
 */
export async function refreshJobGauges(db: Database): Promise<void> {
  const figures = await queueFigures(db);
  const { jobDepth, jobAge } = metrics();
  jobDepth.reset();
  jobAge.reset();
  jobDepth.set({ kind: "import", status: "queued" }, 0);
  jobDepth.set({ kind: "import", status: "running" }, 0);
  jobAge.set({ kind: "import" }, 0);
  const oldest = new Map<string, number>();
  for (const row of figures) {
    jobDepth.set({ kind: row.kind, status: row.status }, row.waiting);
    oldest.set(row.kind, Math.max(oldest.get(row.kind) ?? 0, row.ageSeconds));
  }
  for (const [kind, age] of oldest) jobAge.set({ kind }, age);
}
