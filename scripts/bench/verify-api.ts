/**
 * npm run bench:verify-api — the public verify API's throughput against the production build (issue 21).
 *
 *   tsx --conditions=react-server scripts/bench/verify-api.ts [--connections=10] [--duration=20] [--warmup=5] [--port=3192] [--distinct=1]
 *
 * Signs an Open Badges 3.0 credential with a Data Integrity proof (eddsa-rdfc-2022, issuer did:key,
 * no status list: nothing is fetched) with the test issuer, starts `next start` on a throwaway
 * PostgreSQL database (the rate limiter keeps its counters there; its allowance is raised out of
 * the way, as every request comes from one address), checks one POST /api/v1/verify answers
 * "verified" with every check passed, warms up for --warmup s, then runs autocannon with
 * --connections connections for --duration s posting `{"credential": …}`. Every answer's body is
 * read: anything but 200 with verdict "verified" counts as wrong.
 *
 * The server keeps a proof cache (lib/runtime/proof-cache.ts), as a verifier in service does: with
 * one credential (the default, how a peer verifier was measured) its signature is checked once and
 * the rest of each request — parsing, detection, JSON-LD context checks, dates, the issuer
 * registry, the rate limit — is what is measured. --distinct=N posts N different credentials in
 * turn (each signature checked once, then cached too; a large N measures mostly cold signatures).
 *
 * Reported: requests/s (autocannon's mean of per-second counts), latency p50 / p97.5 / p99
 * (autocannon's histogram), wrong verdicts, errors, and the server's CPU time per request, which
 * unlike requests/s does not depend on what else the machine is doing (with two cores and other
 * work running, req/s falls; CPU per request does not). Budget: ≥ 330 requests/s (three times a
 * peer verifier measured at 109 req/s on this kind of machine), every verdict right. The last line
 * is one JSON object.
 */
import "reflect-metadata";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import * as T from "@/test-issuer";
import { DEFAULT_POSTGRES_URL, openBenchDatabase } from "./support/bench-database";
import { Scope } from "./support/cleanup-scope";
import { option } from "./support/cli-options";
import { errorMessage } from "./support/error-message";
import { ensureProductionBuild, startNextServer, tail } from "./support/next-server";
import { processCpuMs } from "./support/proc-cpu";
import { untilIdle } from "./support/database-cpu";
import { round1 } from "./support/stats";

const BUDGETS = { rps_min: 330, wrong_max: 0 } as const;
const CONNECTIONS = option("connections", 10);
const DURATION = option("duration", 20);
const WARMUP = option("warmup", 5);
const PORT = option("port", 3192);
const DISTINCT = option("distinct", 1);

interface ApiAnswer {
  verdict?: string;
  checks?: { id: string; status: string }[];
}

/** A right answer: verified, and every check it ran passed. */
function isRight(body: string): boolean {
  try {
    const answer = JSON.parse(body) as ApiAnswer;
    return (
      answer.verdict === "verified" && !!answer.checks?.length && answer.checks.every((c) => c.status === "passed")
    );
  } catch {
    return false;
  }
}

interface Run {
  rps: number;
  requests: number;
  p50_ms: number;
  p97_5_ms: number;
  p99_ms: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
  wrong: number;
}

function load(url: string, bodies: string[], connections: number, seconds: number): Promise<Run> {
  let wrong = 0;
  let answered = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        // Each connection posts the credentials in turn.
        requests: bodies.map((body) => ({ method: "POST", headers: { "content-type": "application/json" }, body })),
        verifyBody: (body: unknown) => {
          answered++;
          const right = isRight(String(body));
          if (!right) wrong++;
          return right;
        },
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          rps: round1(result.requests.average),
          requests: answered,
          p50_ms: result.latency.p50,
          p97_5_ms: result.latency.p97_5,
          p99_ms: result.latency.p99,
          errors: result.errors,
          timeouts: result.timeouts,
          non_2xx: result.non2xx,
          wrong,
        });
      },
    );
  });
}

let interrupted = false;

async function main(): Promise<void> {
  const cwd = process.cwd();
  ensureProductionBuild(cwd);
  const scope = new Scope();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n${signal}: stopping the server, removing the database …`);
      void scope.close().finally(() => process.exit(130));
    });
  try {
    const runDir = path.resolve(".data/bench-verify-api", `${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
    fs.mkdirSync(runDir, { recursive: true });
    scope.defer(() => fs.rmSync(runDir, { recursive: true, force: true }));
    const database = await openBenchDatabase("postgres", {
      dataDir: runDir,
      serverUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL,
    });
    scope.defer(() => database.close());

    const issuer = await T.createEd25519Issuer();
    const bodies: string[] = [];
    for (let i = 0; i < DISTINCT; i++)
      bodies.push(
        JSON.stringify({ credential: await T.issueOpenBadge(issuer, { id: `urn:uuid:${crypto.randomUUID()}` }) }),
      );
    const kbEach = Math.round(Buffer.byteLength(bodies[0]!) / 102.4) / 10;

    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ["DATABASE_URL", "TESSERA_EMBEDDED_DB", "SMTP_URL", "TESSERA_DOCUMENTS", "TRUSTED_PROXY_HOPS"])
      delete env[name];
    Object.assign(env, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      AUTH_URL: `http://127.0.0.1:${PORT}`,
      AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
      TESSERA_KEY_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      DATA_DIR: runDir,
      // Every request comes from 127.0.0.1: the per-address allowance must not be what is measured.
      VERIFY_API_LIMIT_PER_MINUTE: "10000000",
    });
    const logFile = path.join(runDir, "next-start.log");
    const server = await startNextServer({ cwd, port: PORT, env, logFile });
    scope.defer(() => server.stop());
    const url = `${server.origin}/api/v1/verify`;

    const first = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bodies[0],
    });
    const firstBody = await first.text();
    if (first.status !== 200 || !isRight(firstBody))
      throw new Error(`the first POST answered ${first.status}: ${firstBody.slice(0, 600)}\n${tail(logFile)}`);
    console.log(
      `POST /api/v1/verify with an OB 3.0 credential (eddsa-rdfc-2022, did:key, ${kbEach} KB; ${DISTINCT} distinct): 200, verified, every check passed`,
    );

    const warm = await load(url, bodies, CONNECTIONS, WARMUP);
    console.log(`warm-up: ${WARMUP} s, ${warm.requests} answers, ${warm.rps} req/s (not counted)`);
    await untilIdle(server.pid);
    const loadBefore = os.loadavg()[0]!;
    console.log(`load average (1 min) before the run: ${loadBefore.toFixed(2)} (${os.cpus().length} cores)`);
    const cpuBefore = processCpuMs(server.pid);
    const run = await load(url, bodies, CONNECTIONS, DURATION);
    await untilIdle(server.pid);
    const cpuAfter = processCpuMs(server.pid);
    const loadAfter = os.loadavg()[0]!;
    const serverCpuMsPerRequest =
      cpuBefore !== undefined && cpuAfter !== undefined && run.requests > 0
        ? round1((cpuAfter - cpuBefore) / run.requests)
        : null;
    const serverErrors = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("⨯"));

    console.log(
      `\n${DURATION} s × ${CONNECTIONS} connections: ${run.rps} req/s, p50 ${run.p50_ms} ms, p97.5 ${run.p97_5_ms} ms, p99 ${run.p99_ms} ms; ${run.requests} answers, ${run.wrong} wrong, ${run.errors} errors, ${run.timeouts} timeouts, ${run.non_2xx} non-2xx; server CPU ${serverCpuMsPerRequest ?? "n/a"} ms per request (≈ ${serverCpuMsPerRequest ? Math.round(1000 / serverCpuMsPerRequest) : "n/a"} req/s per free core); load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}${loadAfter > os.cpus().length ? " — busy: other work competed for the cores, req/s is pessimistic" : ""}`,
    );
    if (serverErrors.length > 0)
      console.log(`the server logged ${serverErrors.length} errors, e.g. ${serverErrors[0]}`);
    const budgetOk =
      run.rps >= BUDGETS.rps_min &&
      run.wrong + run.errors + run.non_2xx <= BUDGETS.wrong_max &&
      serverErrors.length === 0;
    console.log(
      `Budget: ≥ ${BUDGETS.rps_min} req/s (${run.rps}), every verdict right (${run.wrong} wrong, ${run.errors} errors, ${run.non_2xx} non-2xx): ${budgetOk ? "met" : "MISSED"}`,
    );
    console.log(
      JSON.stringify({
        benchmark: "verify-api",
        connections: CONNECTIONS,
        duration_s: DURATION,
        distinct_credentials: DISTINCT,
        ...run,
        server_cpu_ms_per_request: serverCpuMsPerRequest,
        server_errors_logged: serverErrors.length,
        load_avg_1m: { before: round1(loadBefore), after: round1(loadAfter) },
        budgets: BUDGETS,
        budget_ok: budgetOk,
      }),
    );
  } finally {
    await scope.close();
  }
}

main().then(
  () => process.exit(interrupted ? 130 : 0),
  (error: unknown) => {
    if (interrupted) process.exit(130);
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.log(
      JSON.stringify({ benchmark: "verify-api", error: errorMessage(error).split("\n")[0], budget_ok: false }),
    );
    process.exit(1);
  },
);
