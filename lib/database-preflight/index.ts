import pg from "pg";
import { classifyConnectError, missingDatabaseMessage } from "./classify";
import { knownMigrationTimes, readMigrationState } from "./migration-state";
import { DatabaseProblem } from "./problem";
import { describeTarget, type DatabaseTarget } from "./target";

export { DatabaseProblem, isDatabaseProblem } from "./problem";

/**
 * The database preflight: before a start script or command uses DATABASE_URL, one short
 * connection finds out whether the server answers, lets us in, has the database, and holds a
 * schema this code understands. Every expected failure becomes a DatabaseProblem whose message
 * names the fix; anything else is thrown as it is.
 */
export interface PreflightOptions {
  migrationsFolder: string;
  /** "create" (development start): make a missing database, saying so first. "explain": fail with the createdb command. */
  missingDatabase: "create" | "explain";
  /** Commands other than migrate need every migration applied; start scripts migrate right after. */
  requireMigrated: boolean;
  /** How messages name the database, e.g. `the embedded database in .data/pglite`. */
  label?: string;
  /** How to start afresh instead of upgrading, e.g. `point DATABASE_URL at another database`. */
  freshStart?: string;
  say?: (line: string) => void;
  connectTimeoutMs?: number;
}

async function connect(url: string, target: DatabaseTarget, timeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined); // a failure after connect surfaces through the query instead
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw classifyConnectError(error, target, url) ?? error;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function createDatabase(url: string, target: DatabaseTarget, timeoutMs: number): Promise<void> {
  let admin: pg.Client | undefined;
  for (const maintenance of ["postgres", "template1"]) {
    try {
      admin = await connect(withDatabase(url, maintenance), target, timeoutMs);
      break;
    } catch (error) {
      if (!(error instanceof DatabaseProblem && error.kind === "missing-database")) throw error;
    }
  }
  if (!admin) throw new DatabaseProblem("missing-database", missingDatabaseMessage(target, true));
  try {
    await admin.query(`create database ${pg.escapeIdentifier(target.database)}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "42P04") return; // created meanwhile by someone else: fine
    if (code === "42501") throw new DatabaseProblem("missing-database", missingDatabaseMessage(target, true));
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

export async function checkDatabase(url: string, options: PreflightOptions): Promise<void> {
  const target = describeTarget(url);
  const timeoutMs = options.connectTimeoutMs ?? 3000;
  const label = options.label ?? `database "${target.database}" on ${target.address}`;
  let client: pg.Client;
  try {
    client = await connect(url, target, timeoutMs);
  } catch (error) {
    const missing = error instanceof DatabaseProblem && error.kind === "missing-database";
    if (!missing || options.missingDatabase !== "create") throw error;
    options.say?.(`Database "${target.database}" does not exist on ${target.address}; creating it (development only).`);
    await createDatabase(url, target, timeoutMs);
    client = await connect(url, target, timeoutMs);
  }
  try {
    const state = await readMigrationState(client, knownMigrationTimes(options.migrationsFolder));
    if (state.newer)
      throw new DatabaseProblem(
        "newer-migrations",
        `The ${label} was migrated by a newer version of Tessera (${state.applied} migrations applied; this version has ${state.known}).\n` +
          `Update this checkout (git pull && npm install), or ${options.freshStart ?? "point DATABASE_URL at another database"}.`,
      );
    if (options.requireMigrated && state.pending > 0)
      throw new DatabaseProblem(
        "pending-migrations",
        (state.applied === 0
          ? `The ${label} has no Tessera tables yet.`
          : `The ${label} lacks ${state.pending} of this version's ${state.known} migrations.`) +
          "\nApply them with: npm run tessera -- migrate",
      );
  } finally {
    await client.end().catch(() => undefined);
  }
}
