import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { syncCpdCatalog } from "@/lib/cpd/catalog-sync";
import { syncCatalog } from "@/lib/stacking/catalog-sync";
import type { Database } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Schema migrations, then the reference data every instance ships with (the pathway catalog, the CPD profiles). */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
  await syncCatalog(db);
  await syncCpdCatalog(db);
}
