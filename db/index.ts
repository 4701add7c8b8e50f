import "server-only";
import { env } from "@/lib/env";
import { createDatabase, type Database } from "./client";

// One pool per server process; globalThis keeps it across hot reloads in development.
const globalForDb = globalThis as unknown as { tesseraDb?: Database };

export function getDb(): Database {
  if (!globalForDb.tesseraDb) {
    if (!env.databaseUrl) {
      throw new Error(
        "DATABASE_URL is not set. Start Tessera with `npm run dev` or `npm start`, which serve the embedded database, or set DATABASE_URL to a PostgreSQL server.",
      );
    }
    globalForDb.tesseraDb = createDatabase({ url: env.databaseUrl, embedded: env.embeddedDatabase });
  }
  return globalForDb.tesseraDb;
}
