import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdCycles, cpdProfiles, users } from "@/db/schema";
import { buildActivity, type ActivitySource, type CpdActivity } from "./activity";
import { loadActivitySources } from "./activities-data";
import { checkCycleDates } from "./cycle-rules";
import { toDay } from "./dates";
import { computeCycleProgress, type CycleProgress } from "./engine";
import { DomainError } from "@/lib/errors/domain-error";
import { PROFILE_NOT_FOUND } from "./errors";
import type { CpdProfile } from "./profile-schema";

export interface CycleRow {
  id: string;
  profileId: string;
  startsOn: string;
  endsOn: string;
  profile: CpdProfile;
  profileSource: "catalog" | "holder";
}

export interface CycleView extends CycleRow {
  activities: CpdActivity[];
  progress: CycleProgress;
}

const columns = {
  id: cpdCycles.id,
  profileId: cpdCycles.profileId,
  startsOn: cpdCycles.startsOn,
  endsOn: cpdCycles.endsOn,
  profile: cpdProfiles.definition,
  profileSource: cpdProfiles.source,
};

export async function listCyclesForHolder(db: Database, holderId: string): Promise<CycleRow[]> {
  return db
    .select(columns)
    .from(cpdCycles)
    .innerJoin(cpdProfiles, eq(cpdProfiles.id, cpdCycles.profileId))
    .where(eq(cpdCycles.holderId, holderId))
    .orderBy(asc(cpdCycles.endsOn), asc(cpdCycles.id));
}

function viewOf(row: CycleRow, sources: readonly ActivitySource[], now: Date): CycleView {
  const activities = sources.map((s) => buildActivity(s, row.profile.hoursPerEcts));
  return { ...row, activities, progress: computeCycleProgress(row.profile, row, activities, toDay(now)) };
}

/**
 * Every cycle of the holder (or those `which` keeps) with its progress, counted from the wallet
 * as it is now. The wallet is read only when a cycle is kept: the wallet page asks for reminders
 * on every view, and most holders have no cycle ending soon.
 */
export async function listCycleViews(
  db: Database,
  holderId: string,
  now: Date,
  which: (row: CycleRow) => boolean = () => true,
): Promise<CycleView[]> {
  const rows = (await listCyclesForHolder(db, holderId)).filter(which);
  if (rows.length === 0) return [];
  const sources = await loadActivitySources(db, holderId);
  return rows.map((row) => viewOf(row, sources, now));
}

export async function getCycleView(
  db: Database,
  holderId: string,
  cycleId: string,
  now: Date,
): Promise<CycleView | null> {
  const [row] = await db
    .select(columns)
    .from(cpdCycles)
    .innerJoin(cpdProfiles, eq(cpdProfiles.id, cpdCycles.profileId))
    .where(and(eq(cpdCycles.id, cycleId), eq(cpdCycles.holderId, holderId)));
  if (!row) return null;
  return viewOf(row, await loadActivitySources(db, holderId), now);
}

/**
 * Starts a cycle on a profile the holder can see. The holder's row is locked for the check and the
 * insert, so two requests at once cannot both pass the overlap check.
 */
export async function createCycle(
  db: Database,
  holderId: string,
  input: { profileId: string; startsOn: string; endsOn: string },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ id: cpdProfiles.id })
      .from(cpdProfiles)
      .where(
        and(eq(cpdProfiles.id, input.profileId), or(isNull(cpdProfiles.holderId), eq(cpdProfiles.holderId, holderId))),
      );
    if (!profile)
      throw new DomainError("not_found", PROFILE_NOT_FOUND, { fieldErrors: { profileId: [PROFILE_NOT_FOUND] } });
    await tx.select({ id: users.id }).from(users).where(eq(users.id, holderId)).for("update");
    const others = await tx
      .select({ id: cpdCycles.id, startsOn: cpdCycles.startsOn, endsOn: cpdCycles.endsOn })
      .from(cpdCycles)
      .where(and(eq(cpdCycles.holderId, holderId), eq(cpdCycles.profileId, input.profileId)));
    const errors = checkCycleDates(input, others);
    const first = Object.values(errors)[0]?.[0];
    if (first) throw new DomainError("invalid_input", first, { fieldErrors: errors });
    const [row] = await tx
      .insert(cpdCycles)
      .values({ holderId, ...input })
      .returning({ id: cpdCycles.id });
    return { id: row!.id };
  });
}

export async function deleteCycle(db: Database, holderId: string, cycleId: string): Promise<boolean> {
  const deleted = await db
    .delete(cpdCycles)
    .where(and(eq(cpdCycles.id, cycleId), eq(cpdCycles.holderId, holderId)))
    .returning({ id: cpdCycles.id });
  return deleted.length > 0;
}
