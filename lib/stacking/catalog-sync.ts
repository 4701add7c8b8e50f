import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pathways } from "@/db/schema";
import { CATALOG, PATHWAY_DEFINITION_VERSION, validateCatalog, type PathwayDefinition } from "@/lib/stacking";

/**
 * Brings the shared catalog in the database up to the one shipped with this release: inserts new
 * pathways and replaces changed definitions by slug (follows survive, they point at the row).
 * Runs with the migrations, so every instance and every test database has it. A catalog that
 * fails validation is a release bug and stops the migration with the reasons.
 */
export async function syncCatalog(db: Database, catalog: readonly PathwayDefinition[] = CATALOG): Promise<void> {
  const check = validateCatalog(catalog);
  if (!check.ok) throw new Error(`The pathway catalog is invalid:\n${check.errors.join("\n")}`);
  if (catalog.length === 0) return;
  await db
    .insert(pathways)
    .values(
      catalog.map((definition) => ({
        slug: definition.id,
        source: "catalog" as const,
        version: PATHWAY_DEFINITION_VERSION,
        definition,
      })),
    )
    .onConflictDoUpdate({
      target: pathways.slug,
      targetWhere: sql`${pathways.holderId} is null`,
      set: {
        definition: sql`excluded.definition`,
        version: sql`excluded.version`,
        updatedAt: sql`case when ${pathways.definition} = excluded.definition then ${pathways.updatedAt} else now() end`,
      },
    });
}
