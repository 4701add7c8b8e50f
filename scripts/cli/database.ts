import path from "node:path";
import { migrationsFolder } from "@/db/migrations-folder";
import { checkDatabase, DatabaseProblem } from "@/lib/database-preflight";
import {
  EmbeddedDatabaseInUse,
  EmbeddedDatabaseNotShareable,
  readLiveOwner,
  runningDatabaseUrl,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
  type OwnerInfo,
  shownFolder,
} from "../embedded-db";

export interface CommandDatabase {
  url: string;
  embedded: boolean;
  /** Set when this command opened the embedded folder itself and must close it. */
  owned?: EmbeddedDatabase;
  /** Set when a running Tessera serves the embedded folder to this command. */
  through?: OwnerInfo;
}

async function throughOwner(folder: string, owner: OwnerInfo, say: (line: string) => void): Promise<string> {
  try {
    const url = await runningDatabaseUrl(folder, owner);
    say(`Using the embedded database through ${owner.role} (process ${owner.pid}).`);
    return url;
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseNotShareable)) throw error;
    throw new DatabaseProblem(
      "in-use",
      `${error.message}\nStop it (Ctrl+C in its terminal, or: kill ${owner.pid}), then run this command again.`,
    );
  }
}

/**
 * The database a `tessera` command works on: DATABASE_URL; else the embedded folder through the
 * process already serving it (a running `npm run dev`, or another command); else the folder opened
 * by this command for as long as it runs. Then the preflight, unless the start script that
 * launched this command has just done it.
 */
export async function openCommandDatabase({
  dataDir,
  command,
  migrates,
  say,
}: {
  dataDir: string;
  command: string;
  /** migrate itself runs on a database that lacks migrations; every other command needs them. */
  migrates: boolean;
  say: (line: string) => void;
}): Promise<CommandDatabase> {
  const folder = path.join(dataDir, "pglite");
  let opened: CommandDatabase;
  if (process.env.DATABASE_URL) {
    opened = { url: process.env.DATABASE_URL, embedded: process.env.TESSERA_EMBEDDED_DB === "1" };
  } else {
    const owner = readLiveOwner(folder);
    if (owner) {
      opened = { url: await throughOwner(folder, owner, say), embedded: true, through: owner };
    } else {
      try {
        const owned = await startEmbeddedDatabase(folder, { role: `tessera ${command}` });
        opened = { url: owned.url, embedded: true, owned };
      } catch (error) {
        if (!(error instanceof EmbeddedDatabaseInUse)) throw error;
        // It started meanwhile.
        opened = { url: await throughOwner(folder, error.owner, say), embedded: true, through: error.owner };
      }
    }
  }
  if (process.env.TESSERA_DATABASE_CHECKED === "1") return opened;
  try {
    await checkDatabase(opened.url, {
      migrationsFolder,
      missingDatabase: "explain",
      requireMigrated: !migrates,
      ...(process.env.DATABASE_URL
        ? {}
        : {
            label: `embedded database in ${shownFolder(folder)}`,
            freshStart: "start from an empty data folder: DATA_DIR=.data-new npm run tessera -- …",
          }),
    });
  } catch (error) {
    await opened.owned?.stop();
    if (error instanceof DatabaseProblem && error.kind === "unreachable" && opened.through)
      throw new DatabaseProblem(
        "unreachable",
        `${opened.through.role} (process ${opened.through.pid}) stopped serving the embedded database.\nRun this command again.`,
      );
    throw error;
  }
  return opened;
}
