/**
 * Runs a command with a database: the one in DATABASE_URL, or else the embedded PGlite folder
 * under DATA_DIR (default .data), served on a local socket for as long as the command runs.
 *
 *   tsx scripts/with-db.ts [--memory] -- <command...>
 *
 * It also makes sure AUTH_SECRET exists: when unset, a random one is generated once and kept in
 * DATA_DIR/auth-secret (mode 0600) so sessions survive restarts without any setup.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "./embedded-db";

const argv = process.argv.slice(2);
const memory = argv[0] === "--memory";
const command = argv.slice(argv.indexOf("--") + 1);
if (command.length === 0) {
  console.error("usage: with-db [--memory] -- <command...>");
  process.exit(2);
}

const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");

function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(33).toString("base64"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  const childEnv: NodeJS.ProcessEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
    AUTH_SECRET: ensureAuthSecret(),
    DATA_DIR: dataDir,
  };
  let embedded: Awaited<ReturnType<typeof startEmbeddedDatabase>> | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase(memory ? "memory" : path.join(dataDir, "pglite"));
    childEnv.DATABASE_URL = embedded.url;
    childEnv.TESSERA_EMBEDDED_DB = "1";
    console.log(
      `[tessera] embedded database ${memory ? "(in memory)" : path.join(dataDir, "pglite")} on ${embedded.url}`,
    );
  }
  const [cmd, ...args] = command as [string, ...string[]];
  const child = spawn(cmd, args, { stdio: "inherit", env: childEnv, shell: args.length === 0 });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const code = await new Promise<number>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
  await embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(`[tessera] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
