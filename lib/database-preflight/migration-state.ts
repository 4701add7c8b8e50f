import fs from "node:fs";
import path from "node:path";
import type pg from "pg";

/**
 * How the database's applied migrations compare with the ones this code ships. drizzle records
 * each applied migration with its folder timestamp (`created_at` = the journal's `when`) and
 * applies every local migration newer than the last one recorded, so a database whose last
 * migration is newer than every local one was migrated by a newer Tessera: migrate would do
 * nothing and the app would run on a schema it does not know.
 */
export interface MigrationState {
  applied: number;
  known: number;
  /** Local migrations the database has not had yet. */
  pending: number;
  /** The database holds migrations later than any this code knows. */
  newer: boolean;
}

export function knownMigrationTimes(migrationsFolder: string): number[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ when: number }>;
  };
  return journal.entries.map((entry) => entry.when);
}

export async function readMigrationState(
  client: Pick<pg.Pool, "query">,
  knownTimes: number[],
): Promise<MigrationState> {
  const known = knownTimes.length;
  const table = await client.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (!table.rows[0]?.present) return { applied: 0, known, pending: known, newer: false };
  const { rows } = await client.query<{ applied: number; latest: string | null }>(
    "select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations",
  );
  const applied = rows[0]?.applied ?? 0;
  const latest = rows[0]?.latest === null || rows[0]?.latest === undefined ? undefined : Number(rows[0].latest);
  if (latest === undefined) return { applied, known, pending: known, newer: false };
  const newestKnown = Math.max(...knownTimes);
  return {
    applied,
    known,
    pending: knownTimes.filter((when) => when > latest).length,
    newer: latest > newestKnown,
  };
}
