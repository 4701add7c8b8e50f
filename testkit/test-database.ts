import crypto from "node:crypto";
import pg from "pg";
import { createDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startEmbeddedDatabase } from "@/scripts/embedded-db";

export type DatabaseKind = "pglite" | "postgres";

export interface TestDatabase {
  kind: DatabaseKind;
  db: Database;
  /** Where the database answers, for a second pool that plays another server process. */
  url: string;
  close(): Promise<void>;
}

/** Another server process's connection pool on the same database (close it with `$client.end()`). */
export function openAnotherInstance(test: TestDatabase): Database {
  return createDatabase({ url: test.url, embedded: test.kind === "pglite" });
}

/** The PostgreSQL server the data-layer tests also run against (trust auth on this machine). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A fresh, migrated database reached exactly as the app reaches it (node-postgres): either
 * in-memory PGlite behind the embedded database's session server, or a throwaway database on the PostgreSQL server.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const embedded = await startEmbeddedDatabase("memory");
    const db = createDatabase({ url: embedded.url, embedded: true });
    await migrateDatabase(db);
    return {
      kind,
      db,
      url: embedded.url,
      async close() {
        await db.$client.end();
        await embedded.stop();
      },
    };
  }
  const name = `tessera_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = createDatabase({ url: url.toString(), max: 4 });
  await migrateDatabase(db);
  return {
    kind,
    db,
    url: url.toString(),
    async close() {
      await db.$client.end();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
