import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startEmbeddedDatabase } from "../../embedded-db";

export type BenchDatabaseKind = "pglite" | "postgres";

/** The PostgreSQL server a throwaway benchmark database is created on (trust auth on the bench machine). */
export const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test";

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** What the server under test gets as DATABASE_URL. */
  url: string;
  /** True for the embedded database: the app must be told (TESSERA_EMBEDDED_DB=1) to use one connection. */
  embedded: boolean;
  /** The benchmark's own connection (seeding, profiling). */
  db: Database;
  /** Where it lives, for the log. */
  description: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark run, reached exactly as the app reaches it:
 * - "pglite": a PGlite data folder under `dataDir`, served on a local socket by this process for as
 *   long as the benchmark runs (what `npm start` does through scripts/with-db.ts);
 * - "postgres": a throwaway database `tessera_bench_wallet_<random>` on the server at `serverUrl`.
 * `close()` stops the server / drops the database; the caller removes `dataDir`.
 */
export async function openBenchDatabase(
  kind: BenchDatabaseKind,
  { dataDir, serverUrl = DEFAULT_POSTGRES_URL }: { dataDir: string; serverUrl?: string },
): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const folder = path.join(dataDir, "pglite");
    const embedded = await startEmbeddedDatabase(folder);
    let db: Database | undefined;
    try {
      db = createDatabase({ url: embedded.url, embedded: true });
      await migrateDatabase(db);
    } catch (error) {
      await db?.$client.end().catch(() => undefined);
      await embedded.stop().catch(() => undefined);
      throw error;
    }
    const own = db;
    return {
      kind,
      url: embedded.url,
      embedded: true,
      db: own,
      description: `embedded PGlite in ${folder}, served on ${embedded.url}`,
      async close() {
        await own.$client.end().catch(() => undefined);
        await embedded.stop();
      },
    };
  }

  const name = `tessera_bench_wallet_${crypto.randomBytes(5).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  let db: Database | undefined;
  try {
    db = createDatabase({ url: url.toString(), max: 4 });
    await migrateDatabase(db);
  } catch (error) {
    await db?.$client.end().catch(() => undefined);
    await drop().catch(() => undefined);
    throw error;
  }
  const own = db;
  return {
    kind,
    url: url.toString(),
    embedded: false,
    db: own,
    description: `throwaway database ${name} on ${url.host}`,
    async close() {
      await own.$client.end().catch(() => undefined);
      await drop();
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => undefined);
  }
}
