import path from "node:path";
import { createDatabase, type Database } from "@/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../embedded-db";

export interface CliContext {
  /** Opens the database on first use: DATABASE_URL, or the embedded folder (DATA_DIR/pglite). */
  db: Database;
  dataDir: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Commands that need no database (verify) never open one, so they work while the app runs on the
 * embedded database, and on machines that have none.
 */
export async function openCliContext(needsDatabase: boolean): Promise<CliContext & { close(): Promise<void> }> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  let embedded: EmbeddedDatabase | undefined;
  let db: Database | undefined;
  if (needsDatabase) {
    let url = process.env.DATABASE_URL;
    const isEmbedded = !url || process.env.TESSERA_EMBEDDED_DB === "1";
    if (!url) {
      embedded = await startEmbeddedDatabase(path.join(dataDir, "pglite"));
      url = embedded.url;
    }
    db = createDatabase({ url, embedded: isEmbedded });
  }
  return {
    get db(): Database {
      if (!db) throw new Error("This command does not use the database.");
      return db;
    },
    dataDir,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    async close() {
      await db?.$client.end();
      await embedded?.stop();
    },
  };
}
