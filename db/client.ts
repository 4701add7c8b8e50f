import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface DatabaseOptions {
  url: string;
  /**
   * The embedded PGlite server multiplexes every connection onto one Postgres session, so
   * interleaved extended-protocol messages from two connections could clobber each other's
   * unnamed statements. One connection keeps it correct; PGlite is single-threaded anyway.
   */
  embedded?: boolean;
  max?: number;
}

export function createDatabase({ url, embedded = false, max }: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: embedded ? 1 : (max ?? 10),
    idleTimeoutMillis: 30_000,
    // PGlite's socket server has no TLS; a real server decides through the URL's sslmode.
    ...(embedded ? { ssl: false } : {}),
  });
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  return drizzle(pool, { schema }) as Database;
}
