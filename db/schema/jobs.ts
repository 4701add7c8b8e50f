import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export type BackgroundJobStatus = "pending" | "running" | "done" | "failed";

/**
 * The work queue every server process shares (lib/jobs, ADR 0033): bulk imports, the scheduled
 * duties (re-verification, reminder digests) and whatever other background work is added. A
 * process claims a due row with FOR UPDATE SKIP LOCKED and holds it under a lease it renews; a
 * process that dies stops renewing, the lease runs out and another process takes the row over.
 * Every write a job makes checks the lease in its own transaction (lib/jobs/queue.ts `holdsLease`),
 * so a process that lost its lease cannot write a second time what its successor writes.
 */
export const backgroundJobs = pgTable(
  "background_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    /** At most one row per key: "import:<id>" for an import, the duty's name for a recurring duty. */
    key: text("key").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").$type<BackgroundJobStatus>().notNull().default("pending"),
    runAfter: timestamp("run_after", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    /** Which process holds the lease, and with which claim ("<instance>/<random>"), while running. */
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { mode: "date", withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    uniqueIndex("background_jobs_key").on(t.key),
    index("background_jobs_due")
      .on(t.runAfter)
      .where(sql`${t.status} in ('pending', 'running')`),
  ],
);
