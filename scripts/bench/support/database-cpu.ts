import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { processCpuMs } from "./proc-cpu";

/** The PostgreSQL backends serving the app's pool (not this process's own connection). */
export async function backendPids(db: Database): Promise<number[]> {
  const rows = await db.execute<{ pid: number }>(
    sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
  );
  return rows.rows.map((r) => Number(r.pid));
}

/** CPU time, in ms, the processes have used so far, summed (a process that has ended counts 0). */
export function cpuOf(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (at most 20 s) until a process uses less than a tenth of a core, so one phase's work does not spill into the next one's figures. */
export async function untilIdle(pid: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let before = processCpuMs(pid);
  while (before !== undefined && Date.now() < deadline) {
    await sleep(250);
    const now = processCpuMs(pid);
    if (now === undefined || now - before < 25) return;
    before = now;
  }
}

/** CPU time, in ms, this process has used so far (it runs PGlite when the database is embedded). */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
