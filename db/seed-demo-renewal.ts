import { and, asc, count, eq, isNull } from "drizzle-orm";
import { saveActivityOverride } from "@/lib/cpd/activities-data";
import { createCycle } from "@/lib/cpd/cycles-data";
import type { Database } from "./client";
import { DEMO_BADGES } from "./seed-demo-credentials";
import { cpdCycles, cpdProfiles, credentials } from "./schema";

/** The two workshops the demo nurse attended in person: participatory CPD in NMC's terms. */
const PARTICIPATORY = new Set(["Sepsis Recognition and Escalation", "SBAR Clinical Handover"]);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo nurse is 20 months into a three-year NMC revalidation cycle, so the Renewal page
 * opens on real progress (from her demo credentials) and on what is still missing. Only when
 * she has no cycle yet; the profile comes from the catalog that `migrate` syncs. Her badges state
 * their hours only in their criteria text (as many issuers do, and as Tessera does not parse), so
 * she has entered them, the way a holder does on the cycle page.
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
  for (const badge of DEMO_BADGES) {
    // The first credential of that title: the same course inside the CLR is not counted twice.
    const [credential] = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(and(eq(credentials.holderId, holderId), eq(credentials.title, badge.name)))
      .orderBy(asc(credentials.createdAt))
      .limit(1);
    if (!credential || !badge.hours) continue;
    await saveActivityOverride(db, holderId, credential.id, {
      hours: badge.hours,
      participatory: PARTICIPATORY.has(badge.name),
      topics: null,
      recordKinds: null,
      excluded: false,
    });
  }
  return true;
}
