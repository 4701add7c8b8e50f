import { and, count, eq, isNull } from "drizzle-orm";
import { createCycle } from "@/lib/cpd/cycles-data";
import type { Database } from "./client";
import { cpdCycles, cpdProfiles } from "./schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo nurse is 20 months into a three-year NMC revalidation cycle, so the Renewal page
 * opens on real progress (from her demo credentials) and on what is still missing. Only when
 * she has no cycle yet; the profile comes from the catalog that `migrate` syncs.
 */
export async function seedDemoRenewal(db: Database, holderId: string, now: Date = new Date()): Promise<boolean> {
  const [nmc] = await db.select({ id: cpdProfiles.id }).from(cpdProfiles).where(and(eq(cpdProfiles.slug, "nmc-revalidation"), isNull(cpdProfiles.holderId)));
  if (!nmc) return false;
  const [existing] = await db.select({ n: count() }).from(cpdCycles).where(eq(cpdCycles.holderId, holderId));
  if ((existing?.n ?? 0) > 0) return false;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 20, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear() + 3, start.getUTCMonth(), 1) - DAY_MS);
  await createCycle(db, holderId, { profileId: nmc.id, startsOn: start.toISOString().slice(0, 10), endsOn: end.toISOString().slice(0, 10) });
  return true;
}
