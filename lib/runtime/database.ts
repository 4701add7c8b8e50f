import "server-only";
import { createDatabase, type Database } from "@/db/client";
import { env } from "@/lib/env";
import { remember } from "./remember";

/** The one connection pool of this server process. Pages call it; actions and routes get it from their wrapper. */
export function getDb(): Database {
  return remember("database", () => {
    if (!env.databaseUrl) {
      throw new Error(
        "DATABASE_URL is not set. Start Tessera with `npm run dev` or `npm start`, which serve the embedded database, or set DATABASE_URL to a PostgreSQL server.",
      );
    }
    return createDatabase({ url: env.databaseUrl, embedded: env.embeddedDatabase });
  });
}
