/**
 * npm run bench:wallet — the wallet over HTTP against the production build, with 2,000 credentials.
 *
 *   tsx --conditions=react-server scripts/bench/wallet.ts [--postgres] [--requests=100] [--warmup=20] [--port=3200] [--count=2000] [--cpu-prof=DIR]
 *
 * Seeds one holder with 2,000 varied credentials (kinds, ~30 issuers, skills, formats, verdicts,
 * expired / expiring dates, holder tags, images, collections) into a fresh database: the embedded
 * PGlite (served on a local socket by this process, as `npm start` does) in a throwaway DATA_DIR
 * under .data/bench-wallet, or with --postgres (or BENCH_DATABASE_URL=postgres://… naming the
 * server) a throwaway database on PostgreSQL. It signs the holder in with a database session,
 * starts `next start` on 127.0.0.1, warms up, then one client (like a phone) requests, one after
 * another, N times each:
 *   first page     GET /wallet                       full HTML
 *   search page    GET /wallet?q=<term>&kind=badge   full HTML, filtered
 *   search API     GET /api/wallet?q=<term>          the live search's JSON
 * Every answer must be 200 with the expected content (the holder's name and the first card's
 * title; the API's total and first card must be what the seeded data says); anything else counts
 * as an error. Besides latency it reports the CPU time the server (and, on PGlite, this process,
 * which runs the database) spent per request, which unlike latency does not depend on what else
 * the machine is doing, and the 1-minute load average. Then the data layer is timed in-process on
 * the same database, to tell database time from rendering.
 * The requests, their checks and the table are support/wallet-requests.ts; the data-layer timing is
 * support/wallet-profile.ts.
 * Budget: p95 ≤ 300 ms for the first page, ≤ 150 ms for both searches, no errors.
 * The last line is one JSON object. The server, the database and the data folder are always removed.
 * Needs a production build (.next/BUILD_ID); runs `next build` when there is none. --cpu-prof=DIR
 * writes a V8 CPU profile of the server (open it in Chrome DevTools) to DIR, for finding where the time goes.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { DEFAULT_POSTGRES_URL, openBenchDatabase, type BenchDatabaseKind } from "./support/bench-database";
import { ensureProductionBuild, startNextServer, tail, type NextServer } from "./support/next-server";
import { flag, option } from "./support/cli-options";
import { printWalletProfile, profileWalletDataLayer } from "./support/wallet-profile";
import { measureWallet, printWalletRequests, TERMS, WALLET_BUDGETS } from "./support/wallet-requests";
import { expectedMatches, generateCorpus } from "./support/wallet-corpus";
import { createSession, seedWallet } from "./support/wallet-seed";

/** Set by SIGINT/SIGTERM: the run is abandoned, cleanup is under way and decides the exit. */
let interrupted = false;

const REQUESTS = option("requests", 100);
const WARMUP = option("warmup", 20);
const PORT = option("port", 3200);
const COUNT = option("count", 2000);
const KIND: BenchDatabaseKind = flag("postgres") || process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
const CPU_PROFILE_DIR = process.argv.find((a) => a.startsWith("--cpu-prof="))?.slice("--cpu-prof=".length);

async function main(): Promise<void> {
  const cwd = process.cwd();
  ensureProductionBuild(cwd);
  const benchRoot = path.resolve(".data/bench-wallet");
  const runDir = path.join(benchRoot, `${KIND}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  fs.mkdirSync(runDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [
    () => {
      fs.rmSync(runDir, { recursive: true, force: true });
      if (fs.existsSync(benchRoot) && fs.readdirSync(benchRoot).length === 0)
        fs.rmSync(benchRoot, { recursive: true, force: true });
    },
  ];
  // One cleanup, however many callers: an interrupted run and main's own `finally` both wait for it.
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const step of cleanups.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })());
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // `on`, not `once`: a terminal's Ctrl-C reaches this process twice (directly and relayed by tsx); a second, default signal would kill it mid-cleanup.
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n${signal}: stopping the server, removing the database and ${path.relative(cwd, runDir)} …`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const database = await openBenchDatabase(KIND, { dataDir: runDir, serverUrl: SERVER_URL });
    cleanups.push(() => database.close());
    console.log(`database: ${database.description}`);

    const now = new Date();
    const seedStarted = performance.now();
    const items = generateCorpus(COUNT, now);
    for (const term of TERMS)
      if (expectedMatches(items, term, "badge").length === 0)
        throw new Error(`bench corpus: no badge matches "${term}"`);
    const seeded = await seedWallet(database.db, items, now);
    const seedMs = performance.now() - seedStarted;
    // What autovacuum would have done by now on a server (PGlite has no autovacuum; the planner gets the same statistics on both).
    const analyzeStarted = performance.now();
    await database.db.execute(sql`analyze`);
    const analyzeMs = performance.now() - analyzeStarted;
    const counts = Object.entries(seeded.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(
      `seeded ${items.length} credentials in ${(seedMs / 1000).toFixed(2)} s (${((items.length / seedMs) * 1000).toFixed(0)}/s; then analyze ${analyzeMs.toFixed(0)} ms): ${counts}; ${seeded.collectionIds.length} collections`,
    );

    const token = await createSession(database.db, seeded.holderId, now);
    const cookie = `tessera.session=${token}`;
    const logFile = path.join(runDir, "next-start.log");
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const name of [
      "DATABASE_URL",
      "TESSERA_EMBEDDED_DB",
      "SMTP_URL",
      "TESSERA_DOCUMENTS",
      "__NEXT_PRIVATE_ORIGIN",
    ])
      delete childEnv[name];
    Object.assign(childEnv, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      ...(database.embedded ? { TESSERA_EMBEDDED_DB: "1" } : {}),
      AUTH_URL: `http://127.0.0.1:${PORT}`,
      AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
      TESSERA_KEY_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      DATA_DIR: runDir,
      // Nothing is re-verified in the background while we measure (the seeded results are fresh anyway).
      VERIFY_MAX_AGE_MINUTES: "10080",
    });
    if (CPU_PROFILE_DIR) fs.mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    const serverStarted = performance.now();
    let server: NextServer | undefined = await startNextServer({
      cwd,
      port: PORT,
      env: childEnv,
      logFile,
      nodeArgs: CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}`] : [],
    });
    const stopServer = async () => {
      const s = server;
      server = undefined;
      await s?.stop();
    };
    cleanups.push(stopServer);
    console.log(
      `next start: ${server.origin} (pid ${server.pid}) ready in ${((performance.now() - serverStarted) / 1000).toFixed(1)} s`,
    );

    const measured = await measureWallet(server, cookie, items, { requests: REQUESTS, warmup: WARMUP, logFile });
    const { errors, figures, cpu, loadBefore, loadAfter } = measured;
    const serverLog = tail(logFile, 15);
    // Next prints "⨯ <error>" for a render that threw, even when the answer still looked right.
    const serverErrors = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("⨯"));
    await stopServer();

    const profile = await profileWalletDataLayer(database, seeded.holderId, token);

    printWalletRequests(measured, {
      requests: REQUESTS,
      warmup: WARMUP,
      kind: database.kind,
      embedded: database.embedded,
      credentials: items.length,
    });
    printWalletProfile(profile);
    if (serverErrors.length > 0)
      console.log(
        `\nthe server logged ${serverErrors.length} errors, e.g. ${[...new Set(serverErrors)].slice(0, 3).join(" | ")}`,
      );
    if (errors.length > 0) {
      console.log(`\n${errors.length} errors; the first ones:`);
      for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  ${e}`);
      console.log(`server log (last lines):\n${serverLog}`);
    }

    const budgetOk =
      errors.length === 0 &&
      figures.wallet_first_page.p95 <= WALLET_BUDGETS.first_page_p95_ms &&
      figures.search_page.p95 <= WALLET_BUDGETS.search_p95_ms &&
      figures.search_api.p95 <= WALLET_BUDGETS.search_p95_ms;
    console.log(
      JSON.stringify({
        benchmark: "wallet",
        database: database.kind,
        credentials: items.length,
        seed_ms: Math.round(seedMs),
        requests: REQUESTS,
        wallet_first_page: figures.wallet_first_page,
        search_page: figures.search_page,
        search_api: figures.search_api,
        errors: errors.length,
        server_errors_logged: serverErrors.length,
        server_cpu_ms_mean: cpu,
        load_avg_1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadAfter * 100) / 100 },
        budgets: WALLET_BUDGETS,
        budget_ok: budgetOk,
      }),
    );
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(interrupted ? 130 : 0),
  (error: unknown) => {
    if (interrupted) process.exit(130);
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.log(
      JSON.stringify({
        benchmark: "wallet",
        database: KIND,
        error: error instanceof Error ? error.message.split("\n")[0] : String(error),
        budget_ok: false,
      }),
    );
    process.exit(1);
  },
);
