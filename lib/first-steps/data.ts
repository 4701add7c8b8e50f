import "server-only";
import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { cpdCycles, credentials, holderEmails, pathwayFollows, pathways, shares, users } from "@/db/schema";
import { firstSteps, showFirstSteps, type FirstStep } from "./steps";

export interface FirstStepsState {
  steps: FirstStep[];
  dismissed: boolean;
  /** Whether the wallet shows the checklist: a step is left and the holder has not put it away. */
  show: boolean;
}

/** The holder's first steps, each from their own rows (one round trip; every count scoped by the holder). */
export async function firstStepsForHolder(db: Database, holderId: string): Promise<FirstStepsState> {
  const count = (table: PgTable, holderColumn: PgColumn) =>
    sql<number>`(select count(*) from ${table} where ${holderColumn} = ${holderId})`;
  const [row] = await db
    .select({
      dismissedAt: users.firstStepsDismissedAt,
      credentials: count(credentials, credentials.holderId).mapWith(Number),
      confirmedAddresses: count(holderEmails, holderEmails.holderId).mapWith(Number),
      // A catalog pathway followed, or a goal of their own (goals are always followed).
      followedPathways:
        sql<number>`${count(pathwayFollows, pathwayFollows.holderId)} + ${count(pathways, pathways.holderId)}`.mapWith(
          Number,
        ),
      cycles: count(cpdCycles, cpdCycles.holderId).mapWith(Number),
      shares: count(shares, shares.holderId).mapWith(Number),
    })
    .from(users)
    .where(eq(users.id, holderId));
  if (!row) return { steps: [], dismissed: true, show: false };
  const steps = firstSteps(row);
  const dismissed = row.dismissedAt !== null;
  return { steps, dismissed, show: showFirstSteps(steps, dismissed) };
}

/** Puts the checklist away for good (per holder, kept across devices and sessions). */
export async function dismissFirstSteps(db: Database, holderId: string, now: Date = new Date()): Promise<void> {
  await db.update(users).set({ firstStepsDismissedAt: now }).where(eq(users.id, holderId));
}
