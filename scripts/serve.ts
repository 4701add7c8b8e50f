/**
 * `npm run dev` and `npm start`:
 *
 *   tsx scripts/serve.ts dev|start [-p PORT] [other next dev/start options]
 *
 * Checks what the app needs before anything slow happens (configuration, then the database: see
 * lib/database-preflight), says in a line or two what is wrong and how to fix it, then migrates
 * (and in development seeds the demo holder and prints how to sign in) and runs Next (in production
 * behind our own HTTP server, scripts/start/http-server.ts) on the port
 * the welcome text and AUTH_URL name.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { demoDocumentsBundle } from "@/db/seed-demo-documents";
import { parseEnv } from "@/lib/env";
import { ensureAuthSecret, ensureKeyEncryptionKey } from "./start/auth-secret";
import { runChild } from "./start/child";
import { provideDatabase, type ProvidedDatabase } from "./start/database";
import { requireProductionBuild } from "./start/production-build";
import { exitCodeFor, say, usageError } from "./start/report";
import { parseServerArgs } from "./start/server-args";
import { welcomeText } from "./welcome";

const require = createRequire(import.meta.url);

/** Where this file's bundled siblings are when it runs from the production bundle, else null. */
function bundleDir(): string | null {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".mjs") ? path.dirname(here) : null;
}

/** A hand-set AUTH_URL on this machine but another port sends every sign-in link to the wrong place. */
function warnOnPortMismatch(appUrl: string, port: number): void {
  const url = new URL(appUrl);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  const urlPort = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (local && urlPort !== port)
    say(`AUTH_URL is ${appUrl} but Tessera listens on port ${port}; sign-in links will point to port ${urlPort}.`);
}

async function main(): Promise<number> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode !== "dev" && mode !== "start") throw usageError("usage: tsx scripts/serve.ts dev|start [next options]");
  const development = mode === "dev";
  const restart = development ? "npm run dev" : "npm start";
  const { port, nextArgs } = parseServerArgs(rest, process.env.PORT);
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  const authSecret = ensureAuthSecret(dataDir);
  const keyEncryptionKey = ensureKeyEncryptionKey(dataDir);
  // The same validation the server does on its first request, now, with the port it will have.
  const env = parseEnv({
    ...process.env,
    NODE_ENV: development ? "development" : "production",
    AUTH_SECRET: authSecret,
    TESSERA_KEY_ENCRYPTION_KEY: keyEncryptionKey,
    PORT: String(port),
  });
  if (process.env.AUTH_URL) warnOnPortMismatch(env.appUrl, port);

  const database: ProvidedDatabase = await provideDatabase({
    dataDir,
    createMissingDatabase: development,
    role: `${restart} on ${env.appUrl}`,
    restart,
    say,
  });
  try {
    if (!development) requireProductionBuild();
    const childEnv: NodeJS.ProcessEnv = {
      NEXT_TELEMETRY_DISABLED: "1",
      ...process.env,
      AUTH_SECRET: authSecret,
      TESSERA_KEY_ENCRYPTION_KEY: keyEncryptionKey,
      AUTH_URL: env.appUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: database.url,
      ...(database.embedded ? { TESSERA_EMBEDDED_DB: "1" } : {}),
      TESSERA_DATABASE_CHECKED: "1",
    };
    // The production bundle (scripts/start/bundle.ts) runs its own migrate and server files with
    // plain Node; from the sources, tsx runs them.
    const bundled = bundleDir();
    const tsx = bundled ? "" : require.resolve("tsx/cli");
    const prepare = bundled
      ? [path.join(bundled, "migrate.mjs")]
      : [tsx, "--conditions=react-server", "scripts/start/prepare-database.ts"];
    const prepared = await runChild(process.execPath, development ? [...prepare, "--seed"] : prepare, childEnv);
    if (prepared !== 0) return prepared;
    if (development) process.stdout.write(welcomeText(env.appUrl));
    if (development) {
      // The demo issuers' hosted documents (db/seed-demo-documents.ts), so re-checks of the demo
      // wallet give the same results as its import, unless another bundle is configured.
      const demoBundle = demoDocumentsBundle(dataDir);
      if (!childEnv.TESSERA_DOCUMENTS && fs.existsSync(demoBundle)) childEnv.TESSERA_DOCUMENTS = demoBundle;
      const next = require.resolve("next/dist/bin/next");
      return await runChild(process.execPath, [next, "dev", "-p", String(port), ...nextArgs], childEnv);
    }
    // Our own HTTP server around Next's handler (socket addresses, a graceful SIGTERM).
    const server = bundled ? [path.join(bundled, "http-server.mjs")] : [tsx, "scripts/start/http-server.ts"];
    return await runChild(process.execPath, [...server, ...nextArgs], childEnv);
  } finally {
    await database.stop(2_000);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(exitCodeFor(error)),
);
