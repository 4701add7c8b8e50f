import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** The handle inside `db.transaction(async (tx) => …)`. */
export type DatabaseTransaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseOptions {
  url: string;
  /**
   * The embedded database is one Postgres session that its server hands to one client at a time
   * (scripts/embedded-db/session-server.ts): more connections from this pool would only wait in
   * line, and could hold each other up inside one process (a transaction waiting on a query that
   * waits for the transaction's connection). One connection it is.
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

/** PostgreSQL's unique_violation (23505), as node-postgres throws it or drizzle wraps it in `cause`. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
