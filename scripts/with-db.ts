/**
 * Runs a command with a database: the one in DATABASE_URL (after the preflight), or else the
 * embedded PGlite folder under DATA_DIR (default .data), served on a local socket for as long as
 * the command runs. The end-to-end tests start their server this way.
 *
 *   tsx scripts/with-db.ts [--memory] -- <command...>
 *
 * A single command string runs in a shell; words given after it (as `npm run x -- -p 4000`
 * appends them) are added to it, quoted. AUTH_SECRET is made sure of as in scripts/serve.ts.
 */
import path from "node:path";
import { command as shellCommand } from "@/lib/database-preflight/target";
import { ensureAuthSecret, ensureKeyEncryptionKey } from "./start/auth-secret";
import { runChild } from "./start/child";
import { provideDatabase } from "./start/database";
import { exitCodeFor, say, usageError } from "./start/report";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const memory = argv[0] === "--memory";
  const [first, ...extra] = argv.slice(argv.indexOf("--") + 1);
  if (!first) throw usageError("usage: with-db [--memory] -- <command...>");
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  const authSecret = ensureAuthSecret(dataDir);
  const keyEncryptionKey = ensureKeyEncryptionKey(dataDir);
  const database = await provideDatabase({
    dataDir,
    memory,
    createMissingDatabase: false,
    role: `with-db ${first.slice(0, 60)}`,
    restart: "this command",
    say,
  });
  try {
    const childEnv: NodeJS.ProcessEnv = {
      NEXT_TELEMETRY_DISABLED: "1",
      ...process.env,
      AUTH_SECRET: authSecret,
      TESSERA_KEY_ENCRYPTION_KEY: keyEncryptionKey,
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      ...(database.embedded ? { TESSERA_EMBEDDED_DB: "1" } : {}),
      TESSERA_DATABASE_CHECKED: "1",
    };
    return await runChild([first, shellCommand(...extra)].join(" ").trim(), [], childEnv, { shell: true });
  } finally {
    await database.stop(2_000);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(exitCodeFor(error)),
);
