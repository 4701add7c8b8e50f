import { and, asc, count, eq, isNull } from "drizzle-orm";
import { saveActivityOverride } from "@/lib/cpd/activities-data";
import { createCycle } from "@/lib/cpd/cycles-data";
import type { Database } from "./client";
import { SAFE_MEDICATION, SBAR, SEPSIS } from "./seed-demo-content";
import { cpdCycles, cpdProfiles, credentials } from "./schema";

/**
 * The badges that state their hours only in their criteria text (OB 3.0 has no field for them), with
 * the hours she entered for each; the two workshops she attended in person are participatory CPD
 * in NMC's terms. Her European Digital Credentials state hours in their own fields and count as
 * they are.
 */
const HOLDER_ENTERED = [
  { title: SEPSIS.name, hours: SEPSIS.hours, participatory: true },
  { title: SBAR.name, hours: SBAR.hours, participatory: true },
  { title: SAFE_MEDICATION.name, hours: SAFE_MEDICATION.hours, participatory: false },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo nurse is 20 months into a three-year NMC revalidation cycle, so the Renewal page
 * opens on real progress (from her demo credentials) and on what is still missing. Only when
 * she has no cycle yet; the profile comes from the catalog that `migrate` syncs.
 */
export async function seedDemoRenewal(db: Database, holderId: string, now: Date = new Date()): Promise<boolean> {
  const [nmc] = await db
    .select({ id: cpdProfiles.id })
    .from(cpdProfiles)
    .where(and(eq(cpdProfiles.slug, "nmc-revalidation"), isNull(cpdProfiles.holderId)));
  if (!nmc) return false;
  const [existing] = await db.select({ n: count() }).from(cpdCycles).where(eq(cpdCycles.holderId, holderId));
  if ((existing?.n ?? 0) > 0) return false;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 20, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear() + 3, start.getUTCMonth(), 1) - DAY_MS);
  await createCycle(db, holderId, {
    profileId: nmc.id,
    startsOn: start.toISOString().slice(0, 10),
    endsOn: end.toISOString().slice(0, 10),
  });
  for (const entry of HOLDER_ENTERED) {
    const [credential] = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(and(eq(credentials.holderId, holderId), eq(credentials.title, entry.title)))
      .orderBy(asc(credentials.createdAt))
      .limit(1);
    if (!credential) continue;
    await saveActivityOverride(db, holderId, credential.id, {
      hours: entry.hours,
      participatory: entry.participatory,
      topics: null,
      recordKinds: null,
      excluded: false,
    });
  }
  return true;
}
