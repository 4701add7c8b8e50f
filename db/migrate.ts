import { migrate } from "drizzle-orm/node-postgres/migrator";
import { syncCpdCatalog } from "@/lib/cpd/catalog-sync";
import { syncCatalog } from "@/lib/stacking/catalog-sync";
import type { Database } from "./client";
import { migrationsFolder } from "./migrations-folder";

/** Schema migrations, then the reference data every instance ships with (the pathway catalog, the CPD profiles). */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
  await syncCatalog(db);
  await syncCpdCatalog(db);
}
