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
 * Budget: p95 ≤ 300 ms for the first page, ≤ 150 ms for both searches, no errors.
 * The last line is one JSON object. The server, the database and the data folder are always removed.
 * Needs a production build (.next/BUILD_ID); runs `next build` when there is none. --cpu-prof=DIR
 * writes a V8 CPU profile of the server (open it in Chrome DevTools) to DIR, for finding where the time goes.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { listCollections } from "@/lib/wallet/collections";
import { listWallet, walletFacets, walletSummary } from "@/lib/wallet/list";
import type { WalletQuery } from "@/lib/wallet/query";
import { DEFAULT_POSTGRES_URL, openBenchDatabase, type BenchDatabase, type BenchDatabaseKind } from "./support/bench-database";
import { ensureProductionBuild, startNextServer, tail, type NextServer } from "./support/next-server";
import { flag, option } from "./support/cli-options";
import { processCpuMs } from "./support/proc-cpu";
import { latency, mean, table, type Latency } from "./support/stats";
import { BENCH_HOLDER, expectedMatches, generateCorpus, newestFirst, type CorpusItem } from "./support/wallet-corpus";
import { createSession, seedWallet } from "./support/wallet-seed";

const BUDGETS = { first_page_p95_ms: 300, search_p95_ms: 150 } as const;
/** Set by SIGINT/SIGTERM: the run is abandoned, cleanup is under way and decides the exit. */
let interrupted = false;

const REQUESTS = option("requests", 100);
const WARMUP = option("warmup", 20);
const PORT = option("port", 3200);
const COUNT = option("count", 2000);
const PROFILE_ROUNDS = 30;
const KIND: BenchDatabaseKind = flag("postgres") || process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
const CPU_PROFILE_DIR = process.argv.find((a) => a.startsWith("--cpu-prof="))?.slice("--cpu-prof=".length);

/** Searches a holder types: skills, topics, an issuer word, a word stem, one of their own tags, a broad word. */
const TERMS = ["sepsis", "airway", "wound", "paediatric", "leadership", "infection", "medication", "dementia", "safeguarding", "ventilat", "revalidation", "triage", "simulation", "oxygen", "pain", "nursing"];

interface Outcome {
  ms: number;
  bytes: number;
  /** CPU time the server used for this request, and this process (the client, and PGlite when embedded). */
  serverCpuMs?: number;
  ownCpuMs: number;
  error?: string;
}

interface Case {
  id: "wallet_first_page" | "search_page" | "search_api";
  label: string;
  /** The i-th request of this case: its path and how to check the answer. */
  request(i: number): { path: string; check(status: number, body: string): string | undefined };
}

/** The HTML without its scripts: a card must be rendered, not only present in the RSC payload (as it is when SSR fails and React falls back to client rendering). */
const rendered = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
const htmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

function cases(items: CorpusItem[]): Case[] {
  const newest = newestFirst(items)[0]!;
  const htmlCheck = (expectedTitle: string | undefined) => (status: number, body: string) => {
    if (status !== 200) return `status ${status}`;
    const html = rendered(body);
    if (!html.includes(htmlText(BENCH_HOLDER.name))) return "the holder's name is not rendered";
    if (expectedTitle && !html.includes(htmlText(expectedTitle))) return `the first card "${expectedTitle}" is not rendered`;
    return undefined;
  };
  return [
    { id: "wallet_first_page", label: "GET /wallet", request: () => ({ path: "/wallet", check: htmlCheck(newest.title) }) },
    {
      id: "search_page",
      label: "GET /wallet?q=…&kind=badge",
      request(i) {
        const term = TERMS[i % TERMS.length]!;
        return { path: `/wallet?q=${encodeURIComponent(term)}&kind=badge`, check: htmlCheck(expectedMatches(items, term, "badge")[0]?.title) };
      },
    },
    {
      id: "search_api",
      label: "GET /api/wallet?q=…",
      request(i) {
        // Offset by half the list so the page and the API do not search the same word back to back.
        const term = TERMS[(i + TERMS.length / 2) % TERMS.length]!;
        const expected = expectedMatches(items, term);
        return {
          path: `/api/wallet?q=${encodeURIComponent(term)}`,
          check(status, body) {
            if (status !== 200) return `status ${status}`;
            let page: { total?: unknown; pageSize?: unknown; items?: { title?: unknown }[] };
            try {
              page = JSON.parse(body) as typeof page;
            } catch {
              return "not JSON";
            }
            if (page.total !== expected.length) return `"${term}": total ${String(page.total)}, expected ${expected.length}`;
            const shown = Math.min(Number(page.pageSize), expected.length);
            if (!Array.isArray(page.items) || page.items.length !== shown) return `"${term}": ${page.items?.length ?? "no"} items, expected ${shown}`;
            if (shown > 0 && page.items[0]?.title !== expected[0]!.title) return `"${term}": first card "${String(page.items[0]?.title)}", expected "${expected[0]!.title}"`;
            return undefined;
          },
        };
      },
    },
  ];
}

async function timedGet(origin: string, cookie: string, requestPath: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${origin}${requestPath}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

async function run(server: NextServer, cookie: string, c: Case, i: number): Promise<Outcome> {
  const { path: requestPath, check } = c.request(i);
  const serverBefore = processCpuMs(server.pid);
  const ownBefore = process.cpuUsage();
  try {
    const { ms, status, body } = await timedGet(server.origin, cookie, requestPath);
    const own = process.cpuUsage(ownBefore);
    const serverAfter = processCpuMs(server.pid);
    const problem = check(status, body);
    return {
      ms,
      bytes: Buffer.byteLength(body),
      ...(serverBefore !== undefined && serverAfter !== undefined ? { serverCpuMs: serverAfter - serverBefore } : {}),
      ownCpuMs: (own.user + own.system) / 1000,
      ...(problem ? { error: `${requestPath}: ${problem}` } : {}),
    };
  } catch (error) {
    return { ms: 0, bytes: 0, ownCpuMs: 0, error: `${requestPath}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function timeIt(rounds: number, fn: () => Promise<unknown>): Promise<Latency> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return latency(samples);
}

/** The data layer alone, on a pool configured as the app's (one connection on PGlite): where the time goes. */
async function profileDataLayer(database: BenchDatabase, holderId: string, sessionToken: string): Promise<[string, Latency][]> {
  const db = createDatabase({ url: database.url, embedded: database.embedded });
  try {
    const first: WalletQuery = { sort: "newest", page: 1 };
    const search: WalletQuery = { q: "sepsis", kind: "badge", sort: "newest", page: 1 };
    const api: WalletQuery = { q: "wound", sort: "newest", page: 1 };
    const now = () => new Date();
    const rows: [string, () => Promise<unknown>][] = [
      ["session lookup (Auth.js adapter query)", () => db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.sessionToken, sessionToken))],
      ["listWallet first page", () => listWallet(db, holderId, first, now())],
      ["listWallet q+kind=badge", () => listWallet(db, holderId, search, now())],
      ["listWallet q", () => listWallet(db, holderId, api, now())],
      ["listWallet expiring strip", () => listWallet(db, holderId, { validity: "expiring", sort: "expiring", page: 1 }, now())],
      ["walletSummary", () => walletSummary(db, holderId, now())],
      ["walletFacets", () => walletFacets(db, holderId)],
      ["listCollections", () => listCollections(db, holderId)],
      [
        "all of the page's data (Promise.all, as /wallet does)",
        () => Promise.all([walletSummary(db, holderId, now()), listWallet(db, holderId, first, now()), walletFacets(db, holderId), listCollections(db, holderId)]),
      ],
      ["select 1 (round trip)", () => db.execute(sql`select 1`)],
    ];
    const out: [string, Latency][] = [];
    for (const [label, fn] of rows) {
      try {
        out.push([label, await timeIt(PROFILE_ROUNDS, fn)]);
      } catch (error) {
        console.log(`profile: ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return out;
  } finally {
    await db.$client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const cwd = process.cwd();
  ensureProductionBuild(cwd);
  const benchRoot = path.resolve(".data/bench-wallet");
  const runDir = path.join(benchRoot, `${KIND}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  fs.mkdirSync(runDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [
    () => {
      fs.rmSync(runDir, { recursive: true, force: true });
      if (fs.existsSync(benchRoot) && fs.readdirSync(benchRoot).length === 0) fs.rmSync(benchRoot, { recursive: true, force: true });
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
    for (const term of TERMS) if (expectedMatches(items, term, "badge").length === 0) throw new Error(`bench corpus: no badge matches "${term}"`);
    const seeded = await seedWallet(database.db, items, now);
    const seedMs = performance.now() - seedStarted;
    // What autovacuum would have done by now on a server (PGlite has no autovacuum; the planner gets the same statistics on both).
    const analyzeStarted = performance.now();
    await database.db.execute(sql`analyze`);
    const analyzeMs = performance.now() - analyzeStarted;
    const counts = Object.entries(seeded.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(`seeded ${items.length} credentials in ${(seedMs / 1000).toFixed(2)} s (${((items.length / seedMs) * 1000).toFixed(0)}/s; then analyze ${analyzeMs.toFixed(0)} ms): ${counts}; ${seeded.collectionIds.length} collections`);

    const token = await createSession(database.db, seeded.holderId, now);
    const cookie = `tessera.session=${token}`;
    const logFile = path.join(runDir, "next-start.log");
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ["DATABASE_URL", "TESSERA_EMBEDDED_DB", "SMTP_URL", "TESSERA_DOCUMENTS", "__NEXT_PRIVATE_ORIGIN"]) delete childEnv[name];
    Object.assign(childEnv, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      ...(database.embedded ? { TESSERA_EMBEDDED_DB: "1" } : {}),
      AUTH_URL: `http://127.0.0.1:${PORT}`,
      AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
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
    console.log(`next start: ${server.origin} (pid ${server.pid}) ready in ${((performance.now() - serverStarted) / 1000).toFixed(1)} s`);

    const all = cases(items);
    const errors: string[] = [];
    for (let i = 0; i < WARMUP; i++) {
      const outcome = await run(server, cookie, all[i % all.length]!, i + 1000);
      if (outcome.error && i < all.length) throw new Error(`The first requests already fail, not measuring: ${outcome.error}\n${tail(logFile)}`);
      if (outcome.error) console.log(`warm-up (not counted): ${outcome.error}`);
    }
    const health: number[] = [];
    for (let i = 0; i < 30; i++) health.push((await timedGet(server.origin, "", "/api/health")).ms);

    // Interleaved, one request at a time: first page, search page, search API, first page, …
    const loadBefore = os.loadavg()[0]!;
    const outcomes = new Map<Case["id"], Outcome[]>(all.map((c) => [c.id, []]));
    for (let i = 0; i < REQUESTS; i++) {
      for (const c of all) {
        const outcome = await run(server, cookie, c, i);
        outcomes.get(c.id)!.push(outcome);
        if (outcome.error) errors.push(outcome.error);
      }
    }
    const figures = Object.fromEntries(all.map((c) => [c.id, latency(outcomes.get(c.id)!.filter((o) => !o.error).map((o) => o.ms))])) as Record<Case["id"], Latency>;
    const average = (id: Case["id"], value: (o: Outcome) => number | undefined) => {
      const values = outcomes.get(id)!.filter((o) => !o.error).map(value);
      return values.length && values.every((v) => v !== undefined) ? mean(values as number[]) : undefined;
    };
    const cpu = Object.fromEntries(all.map((c) => [c.id, Math.round((average(c.id, (o) => o.serverCpuMs) ?? NaN) * 10) / 10])) as Record<Case["id"], number>;
    const loadAfter = os.loadavg()[0]!;
    const serverLog = tail(logFile, 15);
    // Next prints "⨯ <error>" for a render that threw, even when the answer still looked right.
    const serverErrors = fs.readFileSync(logFile, "utf8").split("\n").filter((line) => line.startsWith("⨯"));
    await stopServer();

    const profile = await profileDataLayer(database, seeded.holderId, token);

    console.log(`\n${REQUESTS} sequential requests per case after ${WARMUP} warm-up; ${database.kind}; ${items.length} credentials; node ${process.version}`);
    console.log(`machine: ${os.cpus().length} cores, load average (1 min) ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after measuring${loadAfter > os.cpus().length ? " — busy: other work competes for the CPU, the figures are pessimistic" : ""}`);
    console.log(
      table(
        ["case", "p50 ms", "p95 ms", "max ms", "budget p95", "errors", "avg KB", "server CPU ms", database.embedded ? "PGlite+client CPU ms" : "client CPU ms"],
        [
          ...all.map((c) => [
            c.label,
            figures[c.id].p50.toFixed(1),
            figures[c.id].p95.toFixed(1),
            figures[c.id].max.toFixed(1),
            `≤ ${c.id === "wallet_first_page" ? BUDGETS.first_page_p95_ms : BUDGETS.search_p95_ms}`,
            outcomes.get(c.id)!.filter((o) => o.error).length,
            Math.round((average(c.id, (o) => o.bytes) ?? 0) / 1024),
            Number.isNaN(cpu[c.id]) ? "n/a" : cpu[c.id].toFixed(1),
            (average(c.id, (o) => o.ownCpuMs) ?? 0).toFixed(1),
          ]),
          ["GET /api/health (floor)", ...(({ p50, p95, max }) => [p50.toFixed(1), p95.toFixed(1), max.toFixed(1)])(latency(health)), "", "", "", "", ""],
        ],
      ),
    );
    console.log(`\ndata layer in-process (same database, pool as the app's, ${PROFILE_ROUNDS} rounds each):`);
    console.log(table(["query", "p50 ms", "p95 ms", "max ms"], profile.map(([label, l]) => [label, l.p50.toFixed(1), l.p95.toFixed(1), l.max.toFixed(1)])));
    if (serverErrors.length > 0) console.log(`\nthe server logged ${serverErrors.length} errors, e.g. ${[...new Set(serverErrors)].slice(0, 3).join(" | ")}`);
    if (errors.length > 0) {
      console.log(`\n${errors.length} errors; the first ones:`);
      for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  ${e}`);
      console.log(`server log (last lines):\n${serverLog}`);
    }

    const budgetOk =
      errors.length === 0 &&
      figures.wallet_first_page.p95 <= BUDGETS.first_page_p95_ms &&
      figures.search_page.p95 <= BUDGETS.search_p95_ms &&
      figures.search_api.p95 <= BUDGETS.search_p95_ms;
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
        budgets: BUDGETS,
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
    console.log(JSON.stringify({ benchmark: "wallet", database: KIND, error: error instanceof Error ? error.message.split("\n")[0] : String(error), budget_ok: false }));
    process.exit(1);
  },
);
