import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials, shares } from "@/db/schema";
import { sharePagePath } from "@/lib/shares/paths";
import { shareProblemText } from "@/lib/shares/status-page";
import { openBenchDatabase, type BenchDatabaseKind } from "./bench-database";
import { Scope } from "./cleanup-scope";
import { backendPids, cpuOf, ownCpuMs, untilIdle } from "./database-cpu";
import { errorMessage } from "./error-message";
import { startNextServer, tail, type NextServer } from "./next-server";
import { checkPage, htmlText } from "./page-check";
import { processCpuMs } from "./proc-cpu";
import { exactLatency, runLoad, type LoadOptions, type LoadRun, type LoadResult } from "./share-load";
import { printProfile, profileDataLayer } from "./share-profile";
import { printRevocation, revokeMidRun, type RevocationFigures } from "./share-revocation";
import { round1, table } from "./stats";
import { SHARE_HEADLINE, seedSharedWallet } from "./share-seed";
import { BENCH_HOLDER } from "./wallet-corpus";

/** How many credentials the link shares. */
export const SHARED = 20;
const HEADLINE = SHARE_HEADLINE;
/** What every request's client address is allowed per minute: far more than the run sends. */
const SHARE_VIEW_LIMIT = "10000000";

/** bench:share's command-line options that shape one database's run. */
export interface ShareRunOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  port: number;
  walletSize: number;
  gzip: boolean;
  /** Revoke the share under load (PostgreSQL only). */
  revoke?: { connections: number; durationSeconds: number; atSeconds: number };
  cpuProfileDir?: string;
  /** The PostgreSQL server a throwaway database is created on. */
  serverUrl: string;
}

export interface RunFigures {
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

export interface DatabaseOutcome {
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
  void run.result
    .finally(() => {
      if (currentLoad === run) currentLoad = undefined;
    })
    .catch(() => undefined);
  return run;
}

/** Stops the load run in progress, if any (on Ctrl-C). */
export function stopCurrentLoad(): void {
  currentLoad?.kill();
}

/** One database: seed, share, start the server, check the page, warm up, measure, print; always cleaned up. */
export async function benchOne(
  kind: BenchDatabaseKind,
  cwd: string,
  options: ShareRunOptions,
): Promise<DatabaseOutcome> {
  const { connections, durationSeconds, warmupSeconds, port, gzip } = options;
  const benchRoot = path.resolve(".data/bench-share");
  const runDir = path.join(benchRoot, `${kind}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  const scope = new Scope();
  fs.mkdirSync(runDir, { recursive: true });
  scope.defer(() => {
    fs.rmSync(runDir, { recursive: true, force: true });
    if (fs.existsSync(benchRoot) && fs.readdirSync(benchRoot).length === 0)
      fs.rmSync(benchRoot, { recursive: true, force: true });
  });
  try {
    console.log(`\n=== ${kind} ===`);
    const database = await openBenchDatabase(kind, { dataDir: runDir, serverUrl: options.serverUrl });
    scope.defer(() => database.close());
    console.log(`database: ${database.description}`);

    // ---- the holder, their wallet, the link
    const now = new Date();
    const seeded = await seedSharedWallet(database.db, { walletSize: options.walletSize, count: SHARED, now });
    const { token, share, shared, sharedIds } = seeded;
    const formats = [...new Set(shared.map((s) => s.format))].join(", ");
    console.log(
      `seeded a wallet of ${seeded.items.length} credentials in ${(seeded.seedMs / 1000).toFixed(1)} s; the link shows ${sharedIds.length} verified ones (${formats}; ${shared.filter((s) => s.hasImage).length} with an image), scope selection, "${HEADLINE}"`,
    );

    // ---- the server
    const logFile = path.join(runDir, "next-start.log");
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const name of [
      "DATABASE_URL",
      "TESSERA_EMBEDDED_DB",
      "SMTP_URL",
      "TESSERA_DOCUMENTS",
      "__NEXT_PRIVATE_ORIGIN",
      "VERIFY_MAX_AGE_MINUTES",
      "TRUSTED_PROXY_HOPS",
      "SHARE_VIEW_LIMIT_PER_MINUTE",
    ])
      delete childEnv[name];
    const authSecret = crypto.randomBytes(33).toString("base64");
    Object.assign(childEnv, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      ...(database.embedded ? { TESSERA_EMBEDDED_DB: "1" } : {}),
      AUTH_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: authSecret,
      TESSERA_KEY_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      DATA_DIR: runDir,
      // Every request comes from 127.0.0.1: the per-address limit must not be what is measured.
      SHARE_VIEW_LIMIT_PER_MINUTE: SHARE_VIEW_LIMIT,
      // VERIFY_MAX_AGE_MINUTES stays the app's default: the seeded results are fresh, none is due.
    });
    const profileDir = options.cpuProfileDir ? path.resolve(options.cpuProfileDir, kind) : undefined;
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const serverStarted = performance.now();
    let server: NextServer | undefined = await startNextServer({
      cwd,
      port,
      env: childEnv,
      logFile,
      nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    });
    const stopServer = async () => {
      const s = server;
      server = undefined;
      await s?.stop();
    };
    scope.defer(stopServer);
    scope.defer(() => currentLoad?.kill());
    const pageUrl = `${server.origin}${sharePagePath(token)}`;
    console.log(
      `next start: ${server.origin} (pid ${server.pid}) ready in ${((performance.now() - serverStarted) / 1000).toFixed(1)} s; page /v/${token.slice(0, 10)}…`,
    );

    const titles = shared.map((s) => s.title);
    let first: { bytes: number; ms: number };
    try {
      first = await checkPage(pageUrl, { holderName: BENCH_HOLDER.name, headline: HEADLINE, titles });
    } catch (error) {
      throw new Error(`${errorMessage(error)}\nserver log (last lines):\n${tail(logFile)}`);
    }
    console.log(
      `first GET: 200, the holder's name, the headline and ${titles.length} cards in order; ${Math.round(first.bytes / 1024)} KB in ${first.ms.toFixed(0)} ms`,
    );

    // The bench asks in English (no Accept-Language): the revoked page says so in English.
    const revokedTitle = (await shareProblemText("revoked", "en")).title;
    const loadOptions = (connections: number, durationSeconds: number, gzip = false): LoadOptions => ({
      url: pageUrl,
      connections,
      durationSeconds,
      timeoutSeconds: 10,
      ...(gzip ? { headers: { "accept-encoding": "gzip, deflate, br" } } : {}),
      pageMarkers: gzip ? [] : [htmlText(BENCH_HOLDER.name), htmlText(titles.at(-1)!)],
      revokedMarker: htmlText(revokedTitle),
    });

    // ---- warm-up, then the measurement
    const warm = await load(loadOptions(connections, warmupSeconds, gzip)).result;
    console.log(
      `warm-up: ${warmupSeconds} s × ${connections} connections, ${warm.summary.totalCompleted} responses, ${round1(warm.summary.requestsAverage)} req/s, p95 ${exactLatency(warm).p95} ms, errors ${warm.summary.errors}, non-2xx ${warm.summary.non2xx} (not counted)`,
    );
    // The server finishes the warm-up's requests still in flight (autocannon drops them): not in the measurement's CPU.
    await untilIdle(server.pid);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const pids = database.embedded ? [] : await backendPids(database.db);
    const viewsBefore = await viewCount(database.db, share.id);
    const loadBefore = os.loadavg()[0]!;
    const serverCpuBefore = processCpuMs(server.pid);
    const dbCpuBefore = database.embedded ? ownCpuMs() : cpuOf(pids);
    const runLoadChild = load(loadOptions(connections, durationSeconds, gzip));
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
    const rechecked = await database.db.$count(
      credentials,
      and(
        eq(credentials.holderId, seeded.holderId),
        inArray(credentials.id, sharedIds),
        sql`${credentials.verifiedAt} > ${now.toISOString()}::timestamptz`,
      ),
    );

    const s = run.summary;
    const exact = exactLatency(run);
    const wallMs = s.durationSeconds * 1000;
    const requests = s.totalCompleted;
    /** Requests the server handled: answered ones and those in flight when autocannon stopped. */
    const handled = Math.max(requests, s.totalSent);
    const serverCpuMs =
      serverCpuBefore !== undefined && serverCpuAfter !== undefined ? serverCpuAfter - serverCpuBefore : undefined;
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
      autocannon_latency_ms: {
        p50: s.latency.p50,
        p90: s.latency.p90,
        p97_5: s.latency.p97_5,
        p99: s.latency.p99,
        max: s.latency.max,
      },
      server_cpu_ms_per_request: serverCpuMs !== undefined && handled > 0 ? round1(serverCpuMs / handled) : null,
      server_cpu_cores:
        serverCpuAtStart !== undefined && serverCpuAtEnd !== undefined
          ? Math.round(((serverCpuAtEnd - serverCpuAtStart) / wallMs) * 100) / 100
          : null,
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
    const revoke = options.revoke;
    if (revoke && kind === "postgres")
      revocation = await revokeMidRun(
        database,
        seeded.holderId,
        share.id,
        loadOptions(revoke.connections, revoke.durationSeconds),
        { revokeAtSeconds: revoke.atSeconds, startLoad: load },
      );

    const serverErrors = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("⨯") || /\berror\b/i.test(line));
    figures.server_errors_logged = serverErrors.length;
    await stopServer();
    if (profileDir)
      console.log(
        `CPU profile of the server: ${path.relative(cwd, profileDir)}/ (open in Chrome DevTools → Performance)`,
      );

    printRun({
      kind,
      options,
      figures,
      run,
      loadBefore,
      loadAfter,
      dbLabel: database.embedded ? "PGlite (this process)" : `PostgreSQL backends (${pids.length})`,
      serverErrors,
    });
    if (revocation) printRevocation(revocation);

    const profile = await profileDataLayer(database, {
      holderId: seeded.holderId,
      sharedIds,
      headline: HEADLINE,
      secret: authSecret,
      viewLimitPerMinute: Number(SHARE_VIEW_LIMIT),
    });
    printProfile(database, profile);
    return { kind, figures, ...(revocation ? { revocation } : {}) };
  } finally {
    await scope.close();
  }
}

/** The report for one database: the run's header, its table, autocannon's histogram, CPU, views, errors. */
function printRun(report: {
  kind: BenchDatabaseKind;
  options: ShareRunOptions;
  figures: RunFigures;
  run: LoadResult;
  loadBefore: number;
  loadAfter: number;
  /** What the database's CPU was measured on. */
  dbLabel: string;
  serverErrors: string[];
}): void {
  const { kind, options, figures, run, loadBefore, loadAfter, dbLabel, serverErrors } = report;
  const s = run.summary;
  console.log(
    `\n${options.durationSeconds} s × ${options.connections} connections on one share page of ${SHARED} credentials (${figures.page_kb} KB; ${options.gzip ? `gzip: ${figures.response_kb} KB sent` : "uncompressed"}); ${kind}; node ${process.version}; ${os.cpus().length} cores, load average (1 min) ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after${loadAfter > os.cpus().length ? " — busy: other work competes for the CPU, the figures are pessimistic" : ""}`,
  );
  console.log(
    table(
      ["", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "requests", "errors", "timeouts", "non-2xx", "mismatches"],
      [
        [
          `GET /v/<token>`,
          figures.rps,
          figures.p50_ms,
          figures.p95_ms,
          figures.p99_ms,
          figures.max_ms,
          figures.requests,
          figures.errors,
          figures.timeouts,
          figures.non_2xx,
          figures.mismatches,
        ],
      ],
    ),
  );
  console.log(
    `autocannon's histogram: p50 ${s.latency.p50} ms, p90 ${s.latency.p90} ms, p97.5 ${s.latency.p97_5} ms, p99 ${s.latency.p99} ms (its average ${round1(s.latency.average)} ms); statuses ${JSON.stringify(s.statusCodeStats)}`,
  );
  console.log(
    `CPU: server ${figures.server_cpu_ms_per_request ?? "n/a"} ms/request (${figures.server_cpu_cores ?? "n/a"} cores); ${dbLabel} ${figures.db_cpu_ms_per_request ?? "n/a"} ms/request (${figures.db_cpu_cores ?? "n/a"} cores); autocannon ${figures.client_cpu_cores} cores`,
  );
  console.log(
    `views counted while measuring: ${figures.views_counted} for ${s.statusCodeStats["200"] ?? 0} pages received (it includes requests still in flight when the warm-up and the run ended, which the server finished anyway); shared credentials re-verified meanwhile: ${figures.rechecked_during_run}`,
  );
  if (run.errorMessages.length > 0) console.log(`errors, e.g.: ${run.errorMessages.join(" | ")}`);
  if (serverErrors.length > 0)
    console.log(
      `the server logged ${serverErrors.length} error lines, e.g. ${[...new Set(serverErrors)].slice(0, 3).join(" | ")}`,
    );
}

async function viewCount(db: Database, shareId: string): Promise<number> {
  const [row] = await db.select({ n: shares.viewCount }).from(shares).where(eq(shares.id, shareId));
  return row?.n ?? 0;
}
