/**
 * npm run bench:share — the public share page (/v/<token>) under load, against the production build (issue 7).
 *
 *   tsx --conditions=react-server scripts/bench/share.ts [--postgres-only | --pglite-only] [--revoke-mid-run]
 *       [--connections=50] [--duration=20] [--warmup=5] [--port=3300] [--wallet=200] [--cpu-prof=DIR]
 *       [--revoke-connections=200] [--revoke-duration=10] [--revoke-at=5] [--gzip]
 *
 * For each database — PostgreSQL (a throwaway database on the server at 127.0.0.1:5432, or the one
 * BENCH_DATABASE_URL names) and the embedded PGlite (served on a local socket by this process, as
 * `npm start` does, in a throwaway folder under .data/bench-share) — it seeds one holder whose
 * wallet holds --wallet generated credentials (support/wallet-corpus.ts, support/wallet-seed.ts),
 * shares 20 of them (signed-looking, verified, with stored verification results as fresh as an
 * import leaves them, so the app's default VERIFY_MAX_AGE_MINUTES re-checks none of them while we
 * measure) in one "selection" link with a headline, starts `next start` with the share-view limit
 * raised out of the way (SHARE_VIEW_LIMIT_PER_MINUTE=10000000: every request comes from one
 * address), checks that one GET answers 200 with the holder's name, the headline and the 20 card
 * titles in order, warms up for --warmup s and then runs autocannon with --connections connections
 * for --duration s on the page.
 * autocannon runs in a child process (support/share-load.ts) so it never delays the embedded
 * database. Every response's body is checked (the holder's name and the last card's title must be
 * there); a body without them counts as a mismatch. autocannon sends no Accept-Encoding, so the
 * server sends the page uncompressed; --gzip sends `accept-encoding: gzip, deflate, br` as browsers
 * do (the server then compresses every page; autocannon cannot decode the bodies, so only their
 * status is checked under load — the first GET, which decodes, still checks the content).
 *
 * Reported per database: requests/s (autocannon's average of its per-second counts); latency p50 /
 * p95 / p99 in ms, nearest-rank over every response of the run (autocannon's own histogram offers
 * p50 / p90 / p97.5 / p99 but no p95; its figures are printed alongside); errors (connection errors
 * and timeouts, as autocannon counts them), timeouts, non-2xx answers and body mismatches; the CPU
 * time per request of the server and of the database (PostgreSQL backends serving the run, or this
 * process, which runs PGlite). Then the data layer is timed in-process on the same database — one
 * call at a time and 50 calls in flight on a pool like the app's — to tell where the time goes
 * (support/share-profile.ts: the proxy's gate, i.e. rate-limit row + share lookup; the page's
 * resolveShare; the render cache's key).
 *
 * --revoke-mid-run (PostgreSQL only, after the main measurement; security.md H1; the phase is
 * support/share-revocation.ts): autocannon with --revoke-connections for --revoke-duration s; at
 * --revoke-at s the share is revoked through the data layer (revokeShare). 410 answers after the
 * revocation are expected; 5xx, timeouts, connection errors, any other status and bodies that are
 * neither the page nor the "turned off" page count as errors. revocation_effective_ms is how long
 * after revokeShare was called the last request that still got the full page was sent (0 when
 * every request sent after the call was refused); the first 410 and the end of the last full page
 * are reported too. Budget: ≤ 1000 ms, 0 errors.
 *
 * Budget (PostgreSQL, issue 7): ≥ 300 requests/s, p95 ≤ 150 ms, zero errors (errors, non-2xx and
 * mismatches); with --revoke-mid-run the revocation budget too. The last line is one JSON object.
 * Servers, databases and data folders are always removed, also on Ctrl-C. Needs a production build
 * (.next/BUILD_ID); runs `next build` when there is none. --cpu-prof=DIR writes a V8 CPU profile of
 * each server to DIR/<database>/ (open it in Chrome DevTools).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials, shares } from "@/db/schema";
import { createShare } from "@/lib/shares/data";
import { sharePagePath } from "@/lib/shares/paths";
import { SHARE_PROBLEM_TEXT } from "@/lib/shares/problems";
import { DEFAULT_POSTGRES_URL, openBenchDatabase, type BenchDatabaseKind } from "./support/bench-database";
import { ensureProductionBuild, startNextServer, tail, type NextServer } from "./support/next-server";
import { flag, option } from "./support/cli-options";
import { errorMessage } from "./support/error-message";
import { processCpuMs } from "./support/proc-cpu";
import { exactLatency, runLoad, type LoadOptions, type LoadRun } from "./support/share-load";
import { printProfile, profileDataLayer } from "./support/share-profile";
import { printRevocation, REVOCATION_BUDGET, revokeMidRun, type RevocationFigures } from "./support/share-revocation";
import { round1, table } from "./support/stats";
import { BENCH_HOLDER, generateCorpus, newestFirst, type CorpusItem } from "./support/wallet-corpus";
import { seedWallet } from "./support/wallet-seed";

const BUDGETS = { rps_min: 300, p95_ms_max: 150, errors_max: 0 } as const;
const SHARED = 20;
const HEADLINE = "Critical care nursing: training and certificates";
/** What every request's client address is allowed per minute: far more than the run sends. */
const SHARE_VIEW_LIMIT = "10000000";

const CONNECTIONS = option("connections", 50);
const DURATION = option("duration", 20);
const WARMUP = option("warmup", 5);
const PORT = option("port", 3300);
const WALLET_SIZE = option("wallet", 200);
const REVOKE = flag("revoke-mid-run");
const REVOKE_CONNECTIONS = option("revoke-connections", 200);
const REVOKE_DURATION = option("revoke-duration", 10);
const REVOKE_AT = option("revoke-at", 5);
const GZIP = flag("gzip");
const CPU_PROFILE_DIR = process.argv.find((a) => a.startsWith("--cpu-prof="))?.slice("--cpu-prof=".length);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
if (flag("postgres-only") && flag("pglite-only")) throw new Error("--postgres-only and --pglite-only exclude each other");
const KINDS: BenchDatabaseKind[] = flag("postgres-only") ? ["postgres"] : flag("pglite-only") ? ["pglite"] : ["postgres", "pglite"];
if (REVOKE_AT >= REVOKE_DURATION) throw new Error("--revoke-at must be earlier than --revoke-duration");

// ---------------------------------------------------------------- cleanup

/** Set by SIGINT/SIGTERM: the run is abandoned, cleanup is under way and decides the exit. */
let interrupted = false;

/** Steps to undo, run once, last first; every open scope is closed on Ctrl-C. */
class Scope {
  private steps: (() => Promise<void> | void)[] = [];
  private closing: Promise<void> | undefined;
  static readonly open = new Set<Scope>();
  constructor() {
    Scope.open.add(this);
  }
  defer(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`cleanup: ${errorMessage(error)}`);
        }
      }
      Scope.open.delete(this);
    })());
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- the page

/** The HTML without its scripts: a card must be rendered, not only present in the RSC payload. */
const rendered = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
const htmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** One GET as a visitor's browser would make it: 200, the holder's name, the headline and the 20 titles in order. */
async function checkPage(url: string, titles: string[]): Promise<{ bytes: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${new URL(url).pathname.slice(0, 12)}…: status ${response.status}`);
  const html = rendered(body);
  const problems: string[] = [];
  if (!html.includes(htmlText(BENCH_HOLDER.name))) problems.push("the holder's name is not rendered");
  if (!html.includes(htmlText(HEADLINE))) problems.push("the headline is not rendered");
  let at = 0;
  for (const title of titles) {
    const found = html.indexOf(htmlText(title), at);
    if (found < 0) {
      problems.push(`the card "${title}" is not rendered (in order)`);
      break;
    }
    at = found + title.length;
  }
  const cards = html.match(/<article\b/g)?.length ?? 0;
  if (cards !== titles.length) problems.push(`${cards} cards rendered, expected ${titles.length}`);
  if (problems.length > 0) throw new Error(`The share page is not what was shared: ${problems.join("; ")}`);
  return { bytes: Buffer.byteLength(body), ms };
}

// ---------------------------------------------------------------- CPU of the database

/** The PostgreSQL backends serving the app's pool (not this process's own connection). */
async function backendPids(db: Database): Promise<number[]> {
  const rows = await db.execute<{ pid: number }>(sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
  return rows.rows.map((r) => Number(r.pid));
}

function cpuOf(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
}

/** Waits (at most 20 s) until a process uses less than a tenth of a core, so one phase's work does not spill into the next one's figures. */
async function untilIdle(pid: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let before = processCpuMs(pid);
  while (before !== undefined && Date.now() < deadline) {
    await sleep(250);
    const now = processCpuMs(pid);
    if (now === undefined || now - before < 25) return;
    before = now;
  }
}

function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

// ---------------------------------------------------------------- one database

interface RunFigures {
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  non_2xx: number;
  timeouts: number;
  mismatches: number;
  requests: number;
  status_codes: Record<string, number>;
  autocannon_latency_ms: { p50: number; p90: number; p97_5: number; p99: number; max: number };
  server_cpu_ms_per_request: number | null;
  server_cpu_cores: number | null;
  db_cpu_ms_per_request: number | null;
  db_cpu_cores: number | null;
  client_cpu_cores: number;
  page_kb: number;
  /** KB per response as sent under load (compressed with --gzip). */
  response_kb: number;
  first_get_ms: number;
  views_counted: number;
  rechecked_during_run: number;
  server_errors_logged: number;
  load_avg_1m: { before: number; after: number };
  error_examples?: string[];
}

interface DatabaseOutcome {
  kind: BenchDatabaseKind;
  figures?: RunFigures;
  revocation?: RevocationFigures;
  error?: string;
}

/** The load run in progress, which Ctrl-C stops; `load` starts one (also for the revocation phase). */
let currentLoad: LoadRun | undefined;
function load(options: LoadOptions): LoadRun {
  const run = runLoad(options);
  currentLoad = run;
  void run.result.finally(() => {
    if (currentLoad === run) currentLoad = undefined;
  }).catch(() => undefined);
  return run;
}

async function benchOne(kind: BenchDatabaseKind, cwd: string): Promise<DatabaseOutcome> {
  const benchRoot = path.resolve(".data/bench-share");
  const runDir = path.join(benchRoot, `${kind}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  const scope = new Scope();
  fs.mkdirSync(runDir, { recursive: true });
  scope.defer(() => {
    fs.rmSync(runDir, { recursive: true, force: true });
    if (fs.existsSync(benchRoot) && fs.readdirSync(benchRoot).length === 0) fs.rmSync(benchRoot, { recursive: true, force: true });
  });
  try {
    console.log(`\n=== ${kind} ===`);
    const database = await openBenchDatabase(kind, { dataDir: runDir, serverUrl: SERVER_URL });
    scope.defer(() => database.close());
    console.log(`database: ${database.description}`);

    // ---- the holder, their wallet, the link
    const now = new Date();
    const seedStarted = performance.now();
    const items = generateCorpus(WALLET_SIZE, now);
    const seeded = await seedWallet(database.db, items, now);
    await database.db.execute(sql`analyze`);
    const shared = newestFirst(items.filter((item) => !item.selfReported && item.verdict === "verified")).slice(0, SHARED);
    if (shared.length < SHARED) throw new Error(`the generated wallet has only ${shared.length} verified credentials; raise --wallet`);
    const rows = await database.db.select({ id: credentials.id, issuedAt: credentials.issuedAt }).from(credentials).where(eq(credentials.holderId, seeded.holderId));
    const idByIssued = new Map(rows.map((r) => [r.issuedAt!.getTime(), r.id]));
    const sharedIds = shared.map((item: CorpusItem) => idByIssued.get(item.issuedAt.getTime())!);
    const created = await createShare(database.db, seeded.holderId, { scope: "selection", credentialIds: sharedIds, headline: HEADLINE, expiry: 30 });
    if (!created) throw new Error("createShare refused the selection");
    const { token, share } = created;
    const formats = [...new Set(shared.map((s) => s.format))].join(", ");
    console.log(
      `seeded a wallet of ${items.length} credentials in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; the link shows ${sharedIds.length} verified ones (${formats}; ${shared.filter((s) => s.hasImage).length} with an image), scope selection, "${HEADLINE}"`,
    );

    // ---- the server
    const logFile = path.join(runDir, "next-start.log");
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ["DATABASE_URL", "TESSERA_EMBEDDED_DB", "SMTP_URL", "TESSERA_DOCUMENTS", "__NEXT_PRIVATE_ORIGIN", "VERIFY_MAX_AGE_MINUTES", "TRUSTED_PROXY_HOPS", "SHARE_VIEW_LIMIT_PER_MINUTE"]) delete childEnv[name];
    const authSecret = crypto.randomBytes(33).toString("base64");
    Object.assign(childEnv, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      ...(database.embedded ? { TESSERA_EMBEDDED_DB: "1" } : {}),
      AUTH_URL: `http://127.0.0.1:${PORT}`,
      AUTH_SECRET: authSecret,
      DATA_DIR: runDir,
      // Every request comes from 127.0.0.1: the per-address limit must not be what is measured.
      SHARE_VIEW_LIMIT_PER_MINUTE: SHARE_VIEW_LIMIT,
      // VERIFY_MAX_AGE_MINUTES stays the app's default: the seeded results are fresh, none is due.
    });
    const profileDir = CPU_PROFILE_DIR ? path.resolve(CPU_PROFILE_DIR, kind) : undefined;
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const serverStarted = performance.now();
    let server: NextServer | undefined = await startNextServer({ cwd, port: PORT, env: childEnv, logFile, nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] });
    const stopServer = async () => {
      const s = server;
      server = undefined;
      await s?.stop();
    };
    scope.defer(stopServer);
    scope.defer(() => currentLoad?.kill());
    const pageUrl = `${server.origin}${sharePagePath(token)}`;
    console.log(`next start: ${server.origin} (pid ${server.pid}) ready in ${((performance.now() - serverStarted) / 1000).toFixed(1)} s; page /v/${token.slice(0, 10)}…`);

    const titles = shared.map((s) => s.title);
    let first: { bytes: number; ms: number };
    try {
      first = await checkPage(pageUrl, titles);
    } catch (error) {
      throw new Error(`${errorMessage(error)}\nserver log (last lines):\n${tail(logFile)}`);
    }
    console.log(`first GET: 200, the holder's name, the headline and ${titles.length} cards in order; ${Math.round(first.bytes / 1024)} KB in ${first.ms.toFixed(0)} ms`);

    const loadOptions = (connections: number, durationSeconds: number, gzip = false): LoadOptions => ({
      url: pageUrl,
      connections,
      durationSeconds,
      timeoutSeconds: 10,
      ...(gzip ? { headers: { "accept-encoding": "gzip, deflate, br" } } : {}),
      pageMarkers: gzip ? [] : [htmlText(BENCH_HOLDER.name), htmlText(titles.at(-1)!)],
      revokedMarker: htmlText(SHARE_PROBLEM_TEXT.revoked.title),
    });

    // ---- warm-up, then the measurement
    const warm = await load(loadOptions(CONNECTIONS, WARMUP, GZIP)).result;
    console.log(
      `warm-up: ${WARMUP} s × ${CONNECTIONS} connections, ${warm.summary.totalCompleted} responses, ${round1(warm.summary.requestsAverage)} req/s, p95 ${exactLatency(warm).p95} ms, errors ${warm.summary.errors}, non-2xx ${warm.summary.non2xx} (not counted)`,
    );
    // The server finishes the warm-up's requests still in flight (autocannon drops them): not in the measurement's CPU.
    await untilIdle(server.pid);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const pids = database.embedded ? [] : await backendPids(database.db);
    const viewsBefore = await viewCount(database.db, share.id);
    const loadBefore = os.loadavg()[0]!;
    const serverCpuBefore = processCpuMs(server.pid);
    const dbCpuBefore = database.embedded ? ownCpuMs() : cpuOf(pids);
    const runLoadChild = load(loadOptions(CONNECTIONS, DURATION, GZIP));
    // Utilisation (cores) over autocannon's own window, from its start to its end.
    await runLoadChild.started;
    const serverCpuAtStart = processCpuMs(server.pid);
    const run = await runLoadChild.result;
    const serverCpuAtEnd = processCpuMs(server.pid);
    const loadAfter = os.loadavg()[0]!;
    // …and the run's last ones, which count among the requests sent: CPU per request is over those.
    await untilIdle(server.pid);
    const serverCpuAfter = processCpuMs(server.pid);
    const dbCpuAfter = database.embedded ? ownCpuMs() : cpuOf(pids);
    // Views are counted in memory and written within a second (lib/shares/view-batch.ts): wait for the last write.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const viewsCounted = (await viewCount(database.db, share.id)) - viewsBefore;
    const rechecked = await database.db.$count(credentials, and(eq(credentials.holderId, seeded.holderId), inArray(credentials.id, sharedIds), sql`${credentials.verifiedAt} > ${now.toISOString()}::timestamptz`));

    const s = run.summary;
    const exact = exactLatency(run);
    const wallMs = s.durationSeconds * 1000;
    const requests = s.totalCompleted;
    /** Requests the server handled: answered ones and those in flight when autocannon stopped. */
    const handled = Math.max(requests, s.totalSent);
    const serverCpuMs = serverCpuBefore !== undefined && serverCpuAfter !== undefined ? serverCpuAfter - serverCpuBefore : undefined;
    const dbCpuMs = dbCpuAfter - dbCpuBefore;
    const figures: RunFigures = {
      rps: round1(s.requestsAverage),
      p50_ms: exact.p50,
      p95_ms: exact.p95,
      p99_ms: exact.p99,
      max_ms: exact.max,
      errors: s.errors,
      non_2xx: s.non2xx,
      timeouts: s.timeouts,
      mismatches: s.mismatches,
      requests,
      status_codes: s.statusCodeStats,
      autocannon_latency_ms: { p50: s.latency.p50, p90: s.latency.p90, p97_5: s.latency.p97_5, p99: s.latency.p99, max: s.latency.max },
      server_cpu_ms_per_request: serverCpuMs !== undefined && handled > 0 ? round1(serverCpuMs / handled) : null,
      server_cpu_cores: serverCpuAtStart !== undefined && serverCpuAtEnd !== undefined ? Math.round(((serverCpuAtEnd - serverCpuAtStart) / wallMs) * 100) / 100 : null,
      db_cpu_ms_per_request: handled > 0 && (database.embedded || pids.length > 0) ? round1(dbCpuMs / handled) : null,
      db_cpu_cores: database.embedded || pids.length > 0 ? Math.round((dbCpuMs / wallMs) * 100) / 100 : null,
      client_cpu_cores: Math.round((run.clientCpuMs / wallMs) * 100) / 100,
      page_kb: Math.round(first.bytes / 1024),
      response_kb: requests > 0 ? Math.round(s.totalBytes / requests / 1024) : 0,
      first_get_ms: Math.round(first.ms),
      views_counted: viewsCounted,
      rechecked_during_run: rechecked,
      server_errors_logged: 0,
      load_avg_1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadAfter * 100) / 100 },
      ...(run.errorMessages.length > 0 ? { error_examples: run.errorMessages } : {}),
    };

    // ---- revocation under load (PostgreSQL)
    let revocation: RevocationFigures | undefined;
    if (REVOKE && kind === "postgres") revocation = await revokeMidRun(database, seeded.holderId, share.id, loadOptions(REVOKE_CONNECTIONS, REVOKE_DURATION), { revokeAtSeconds: REVOKE_AT, startLoad: load });

    const serverErrors = fs.readFileSync(logFile, "utf8").split("\n").filter((line) => line.startsWith("⨯") || /\berror\b/i.test(line));
    figures.server_errors_logged = serverErrors.length;
    await stopServer();
    if (profileDir) console.log(`CPU profile of the server: ${path.relative(cwd, profileDir)}/ (open in Chrome DevTools → Performance)`);

    // ---- the report for this database
    console.log(
      `\n${DURATION} s × ${CONNECTIONS} connections on one share page of ${SHARED} credentials (${figures.page_kb} KB; ${GZIP ? `gzip: ${figures.response_kb} KB sent` : "uncompressed"}); ${kind}; node ${process.version}; ${os.cpus().length} cores, load average (1 min) ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after${loadAfter > os.cpus().length ? " — busy: other work competes for the CPU, the figures are pessimistic" : ""}`,
    );
    console.log(
      table(
        ["", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "requests", "errors", "timeouts", "non-2xx", "mismatches"],
        [[`GET /v/<token>`, figures.rps, figures.p50_ms, figures.p95_ms, figures.p99_ms, figures.max_ms, requests, figures.errors, figures.timeouts, figures.non_2xx, figures.mismatches]],
      ),
    );
    console.log(`autocannon's histogram: p50 ${s.latency.p50} ms, p90 ${s.latency.p90} ms, p97.5 ${s.latency.p97_5} ms, p99 ${s.latency.p99} ms (its average ${round1(s.latency.average)} ms); statuses ${JSON.stringify(s.statusCodeStats)}`);
    console.log(
      `CPU: server ${figures.server_cpu_ms_per_request ?? "n/a"} ms/request (${figures.server_cpu_cores ?? "n/a"} cores); ${database.embedded ? "PGlite (this process)" : `PostgreSQL backends (${pids.length})`} ${figures.db_cpu_ms_per_request ?? "n/a"} ms/request (${figures.db_cpu_cores ?? "n/a"} cores); autocannon ${figures.client_cpu_cores} cores`,
    );
    console.log(
      `views counted while measuring: ${viewsCounted} for ${s.statusCodeStats["200"] ?? 0} pages received (it includes requests still in flight when the warm-up and the run ended, which the server finished anyway); shared credentials re-verified meanwhile: ${rechecked}`,
    );
    if (run.errorMessages.length > 0) console.log(`errors, e.g.: ${run.errorMessages.join(" | ")}`);
    if (serverErrors.length > 0) console.log(`the server logged ${serverErrors.length} error lines, e.g. ${[...new Set(serverErrors)].slice(0, 3).join(" | ")}`);
    if (revocation) printRevocation(revocation);

    const profile = await profileDataLayer(database, { holderId: seeded.holderId, sharedIds, headline: HEADLINE, secret: authSecret, viewLimitPerMinute: Number(SHARE_VIEW_LIMIT) });
    printProfile(database, profile);
    return { kind, figures, ...(revocation ? { revocation } : {}) };
  } finally {
    await scope.close();
  }
}

async function viewCount(db: Database, shareId: string): Promise<number> {
  const [row] = await db.select({ n: shares.viewCount }).from(shares).where(eq(shares.id, shareId));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const cwd = process.cwd();
  ensureProductionBuild(cwd);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // `on`, not `once`: a terminal's Ctrl-C reaches this process twice (directly and relayed by tsx); a second, default signal would kill it mid-cleanup.
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n${signal}: stopping the load, the server, removing the databases and .data/bench-share/… …`);
      currentLoad?.kill();
      void Promise.all([...Scope.open].map((scope) => scope.close())).finally(() => process.exit(130));
    });
  }

  const outcomes: DatabaseOutcome[] = [];
  for (const kind of KINDS) {
    if (interrupted) break;
    try {
      outcomes.push(await benchOne(kind, cwd));
    } catch (error) {
      if (interrupted) break;
      console.error(`${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      outcomes.push({ kind, error: errorMessage(error).split("\n")[0]! });
    }
  }
  if (interrupted) return;

  const of = (kind: BenchDatabaseKind) => outcomes.find((o) => o.kind === kind);
  const compact = (o: DatabaseOutcome | undefined) =>
    !o ? null
    : o.error ? { error: o.error }
    : {
        rps: o.figures!.rps,
        p50_ms: o.figures!.p50_ms,
        p95_ms: o.figures!.p95_ms,
        p99_ms: o.figures!.p99_ms,
        errors: o.figures!.errors,
        non_2xx: o.figures!.non_2xx,
        timeouts: o.figures!.timeouts,
        mismatches: o.figures!.mismatches,
        requests: o.figures!.requests,
        server_cpu_ms_per_request: o.figures!.server_cpu_ms_per_request,
        db_cpu_ms_per_request: o.figures!.db_cpu_ms_per_request,
        views_counted: o.figures!.views_counted,
        rechecked_during_run: o.figures!.rechecked_during_run,
        server_errors_logged: o.figures!.server_errors_logged,
        load_avg_1m: o.figures!.load_avg_1m,
      };
  const postgres = of("postgres");
  const f = postgres?.figures;
  const mainOk = !!f && f.rps >= BUDGETS.rps_min && f.p95_ms <= BUDGETS.p95_ms_max && f.errors + f.non_2xx + f.mismatches <= BUDGETS.errors_max;
  const revocation = postgres?.revocation;
  const budgetOk = mainOk && (!REVOKE || revocation?.budget_ok === true);
  console.log("");
  if (!postgres) console.log("PostgreSQL was not measured: the budget (issue 7) is PostgreSQL's, so it is not met by this run.");
  else if (f) {
    console.log(
      `PostgreSQL budget: ≥ ${BUDGETS.rps_min} req/s (${f.rps}), p95 ≤ ${BUDGETS.p95_ms_max} ms (${f.p95_ms}), no errors (${f.errors} errors, ${f.non_2xx} non-2xx, ${f.mismatches} mismatches)${REVOKE ? `, revocation ${revocation?.budget_ok ? "met" : "missed"}` : ""}: ${budgetOk ? "met" : "MISSED"}`,
    );
  }
  console.log(
    JSON.stringify({
      benchmark: "share",
      credentials: SHARED,
      connections: CONNECTIONS,
      duration_s: DURATION,
      gzip: GZIP,
      postgres: compact(postgres),
      pglite: compact(of("pglite")),
      ...(REVOKE ? { revocation: revocation ?? null } : {}),
      budgets: { ...BUDGETS, ...(REVOKE ? { revocation: REVOCATION_BUDGET } : {}) },
      budget_ok: budgetOk,
    }),
  );
}

main().then(
  () => process.exit(interrupted ? 130 : 0),
  (error: unknown) => {
    if (interrupted) process.exit(130);
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.log(JSON.stringify({ benchmark: "share", error: errorMessage(error).split("\n")[0], budget_ok: false }));
    process.exit(1);
  },
);
