import path from "node:path";
import { migrationsFolder } from "@/db/migrations-folder";
import { checkDatabase, DatabaseProblem } from "@/lib/database-preflight";
import { EmbeddedDatabaseInUse, shownFolder, startEmbeddedDatabase, type OwnerInfo } from "../embedded-db";

export interface ProvidedDatabase {
  url: string;
  embedded: boolean;
  stop(graceMs?: number): Promise<void>;
}

export interface ProvideOptions {
  dataDir: string;
  /** An in-memory embedded database instead of DATA_DIR/pglite (tests). */
  memory?: boolean;
  /** `npm run dev` creates a missing PostgreSQL database; everything else explains how. */
  createMissingDatabase: boolean;
  /** What this process runs, for the lock file and other processes' messages. */
  role: string;
  /** The command that starts this again, for messages (e.g. `npm run dev`). */
  restart: string;
  say: (line: string) => void;
}

/** Says who holds the embedded database folder and what to do about it. */
export function folderInUse(folder: string, owner: OwnerInfo, restart: string): DatabaseProblem {
  const where = shownFolder(folder);
  if (/^npm (run dev|start)/.test(owner.role))
    return new DatabaseProblem(
      "in-use",
      `Tessera is already running on ${where} (${owner.role}, process ${owner.pid}).\n` +
        `Use that one, or stop it first (Ctrl+C in its terminal, or: kill ${owner.pid}), then run ${restart} again.`,
    );
  return new DatabaseProblem(
    "in-use",
    `The embedded database in ${where} is in use by ${owner.role} (process ${owner.pid}).\n` +
      `Wait for it to finish, then run ${restart} again.`,
  );
}

/**
 * The database a start script runs the app on: DATABASE_URL after the preflight, or the embedded
 * PGlite folder opened and served by this process. Throws a DatabaseProblem for every expected
 * failure (see lib/database-preflight).
 */
export async function provideDatabase(options: ProvideOptions): Promise<ProvidedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await checkDatabase(external, {
      migrationsFolder,
      missingDatabase: options.createMissingDatabase ? "create" : "explain",
      requireMigrated: false,
      say: options.say,
    });
    return { url: external, embedded: false, stop: async () => undefined };
  }
  const folder = options.memory ? "memory" : path.join(options.dataDir, "pglite");
  let embedded;
  try {
    embedded = await startEmbeddedDatabase(folder, { role: options.role });
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUse) throw folderInUse(error.folder, error.owner, options.restart);
    throw error;
  }
  try {
    await checkDatabase(embedded.url, {
      migrationsFolder,
      missingDatabase: "explain",
      requireMigrated: false,
      label: `embedded database in ${shownFolder(folder)}`,
      freshStart: `start from an empty data folder: DATA_DIR=.data-new ${options.restart}`,
    });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, embedded: true, stop: (graceMs) => embedded.stop(graceMs) };
}
