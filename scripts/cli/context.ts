import { createDatabase, type Database } from "@/db/client";

export interface CliContext {
  db: Database;
  dataDir: string;
  out: (line: string) => void;
}

export function openCliContext(): CliContext & { close(): Promise<void> } {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("No database: run the CLI through `npm run tessera`, which provides one.");
  const db = createDatabase({ url, embedded: process.env.TESSERA_EMBEDDED_DB === "1" });
  return {
    db,
    dataDir: process.env.DATA_DIR ?? ".data",
    out: (line) => process.stdout.write(`${line}\n`),
    close: () => db.$client.end(),
  };
}
