import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdProfiles } from "@/db/schema";
import { CPD_CATALOG } from "./catalog";
import { checkProfile, CPD_PROFILE_VERSION, type CpdProfile } from "./profile-schema";

/**
 * Brings the shared CPD profiles in the database up to the ones shipped with this release
 * (insert new, replace changed by slug; cycles keep pointing at the row). Runs with the
 * migrations like the pathway catalog; an invalid seed is a release bug and stops the migration.
 */
export async function syncCpdCatalog(db: Database, catalog: readonly unknown[] = CPD_CATALOG): Promise<void> {
  const profiles: CpdProfile[] = [];
  const errors: string[] = [];
  for (const entry of catalog) {
    const check = checkProfile(entry);
    if (check.ok) profiles.push(check.profile);
    else errors.push(...check.errors);
  }
  if (errors.length > 0) throw new Error(`The CPD profile catalog is invalid:\n${errors.join("\n")}`);
  if (profiles.length === 0) return;
  await db
    .insert(cpdProfiles)
    .values(
      profiles.map((definition) => ({
        slug: definition.id,
        source: "catalog" as const,
        version: CPD_PROFILE_VERSION,
        definition,
      })),
    )
    .onConflictDoUpdate({
      target: cpdProfiles.slug,
      targetWhere: sql`${cpdProfiles.holderId} is null`,
      set: {
        definition: sql`excluded.definition`,
        version: sql`excluded.version`,
        updatedAt: sql`case when ${cpdProfiles.definition} = excluded.definition then ${cpdProfiles.updatedAt} else now() end`,
      },
    });
}
