import path from "node:path";
import { createDatabase, type Database } from "@/db/client";
import { say } from "../start/report";
import { openCommandDatabase, type CommandDatabase } from "./database";

export interface CliContext {
  /** The database: DATABASE_URL, or the embedded folder (DATA_DIR/pglite), see ./database.ts. */
  db: Database;
  dataDir: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** How long a command that opened the embedded folder waits for other commands still using it. */
const CLIENTS_GRACE_MS = 60_000;

/**
 * Commands that need no database (verify) never open one, so they work on machines that have
 * none. The others reach the embedded database through a running `npm run dev` when there is one.
 */
export async function openCliContext({
  command,
  needsDatabase,
  migrates = false,
}: {
  command: string;
  needsDatabase: boolean;
  migrates?: boolean;
}): Promise<CliContext & { close(): Promise<void> }> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let opened: CommandDatabase | undefined;
  let db: Database | undefined;
  if (needsDatabase) {
    opened = await openCommandDatabase({ dataDir, command, migrates, say });
    db = createDatabase({ url: opened.url, embedded: opened.embedded });
  }
  return {
    get db(): Database {
      if (!db) throw new Error("This command does not use the database.");
      return db;
    },
    dataDir,
    out: (line) => process.stdout.write(`${line}\n`),
    err,
    async close() {
      await db?.$client.end();
      await opened?.owned?.stop(CLIENTS_GRACE_MS);
    },
  };
}
