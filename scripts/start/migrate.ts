/**
 * The migration step of a production start, with nothing but Node (bundled by
 * scripts/start/bundle.ts): applies the schema migrations and the reference data to DATABASE_URL,
 * then exits. `npm start` runs it before the server; with several instances run it once per
 * deploy (README, "Deploying"), since readiness fails on an instance that finds migrations pending.
 */
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("[tessera] DATABASE_URL is not set: the migrations need the PostgreSQL server to apply them to.");
    return 78;
  }
  const db = createDatabase({ url, embedded: process.env.TESSERA_EMBEDDED_DB === "1", max: 1 });
  try {
    await migrateDatabase(db);
    console.log("[tessera] the database is migrated");
    return 0;
  } finally {
    await db.$client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("[tessera] the migrations failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
