import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdActivities, cpdCycles, cpdProfiles, cpdReminderSettings, credentials } from "@/db/schema";
import { listCycleViews } from "@/lib/cpd/cycles-data";
import { NOW } from "./rich-wallet";

/** The round-trip suites' comparisons: a holder's rows without the ids a restore necessarily changes. */

/** The holder's CPD rows without ids: profiles by slug, cycles by their profile's slug, overrides by their credential's identity. */
export async function cpdRowsWithoutIds(db: Database, holderId: string) {
  const [profiles, cycles, activities, settings] = await Promise.all([
    db.select().from(cpdProfiles).where(eq(cpdProfiles.holderId, holderId)).orderBy(asc(cpdProfiles.slug)),
    db
      .select({
        profile: cpdProfiles.slug,
        profileHolder: cpdProfiles.holderId,
        startsOn: cpdCycles.startsOn,
        endsOn: cpdCycles.endsOn,
        createdAt: cpdCycles.createdAt,
      })
      .from(cpdCycles)
      .innerJoin(cpdProfiles, eq(cpdProfiles.id, cpdCycles.profileId))
      .where(eq(cpdCycles.holderId, holderId))
      .orderBy(asc(cpdProfiles.slug), asc(cpdCycles.startsOn)),
    db
      .select({
        credential: credentials.dedupeKey,
        hours: cpdActivities.hours,
        participatory: cpdActivities.participatory,
        topics: cpdActivities.topics,
        recordKinds: cpdActivities.recordKinds,
        excluded: cpdActivities.excluded,
        updatedAt: cpdActivities.updatedAt,
      })
      .from(cpdActivities)
      .innerJoin(credentials, eq(credentials.id, cpdActivities.credentialId))
      .where(and(eq(cpdActivities.holderId, holderId), eq(credentials.holderId, holderId)))
      .orderBy(asc(credentials.dedupeKey)),
    db
      .select({
        inApp: cpdReminderSettings.inApp,
        email: cpdReminderSettings.email,
        updatedAt: cpdReminderSettings.updatedAt,
      })
      .from(cpdReminderSettings)
      .where(eq(cpdReminderSettings.holderId, holderId)),
  ]);
  return {
    profiles: profiles.map(({ id: _id, holderId: _holder, ...rest }) => rest),
    cycles: cycles.map(({ profileHolder, ...rest }) => ({ ...rest, catalog: profileHolder === null })),
    activities,
    settings,
  };
}

/** What the Renewal page shows for each cycle, without ids. */
export async function cycleProgress(db: Database, holderId: string) {
  const views = await listCycleViews(db, holderId, NOW);
  return views
    .map((v) => ({
      profile: v.profile.id,
      source: v.profileSource,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      rules: v.progress.rules.map((r) => [r.rule.id, r.counted, r.met]),
    }))
    .sort((a, b) => (a.profile + a.startsOn).localeCompare(b.profile + b.startsOn));
}

/** Rows without the ids a restore necessarily changes. */
export async function credentialRowsWithoutIds(db: Database, holderId: string) {
  const rows = await db
    .select()
    .from(credentials)
    .where(eq(credentials.holderId, holderId))
    .orderBy(asc(credentials.dedupeKey));
  return rows.map(({ id: _id, holderId: _holder, originalId: _original, parentId, ...rest }) => ({
    ...rest,
    hasParent: parentId !== null,
  }));
}
