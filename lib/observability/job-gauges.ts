import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { metrics } from "./metrics";

/**
 * Reads the job queue's depth and age from the database when Prometheus scrapes, so every instance
 * reports the same figures whichever one is asked.
 */
export async function refreshJobGauges(db: Database): Promise<void> {
  const result = await db.execute<{ status: string; waiting: number; age: number | null }>(sql`
    select status, count(*)::int as waiting,
           extract(epoch from now() - min(created_at))::float8 as age
    from import_jobs where status in ('queued', 'running') group by status`);
  const { jobDepth, jobAge } = metrics();
  jobDepth.reset();
  jobDepth.set({ kind: "import", status: "queued" }, 0);
  jobDepth.set({ kind: "import", status: "running" }, 0);
  let oldest = 0;
  for (const row of result.rows) {
    jobDepth.set({ kind: "import", status: row.status }, row.waiting);
    oldest = Math.max(oldest, row.age ?? 0);
  }
  jobAge.set({ kind: "import" }, oldest);
}
