/**
 * The load generator of `npm run bench:share`: autocannon in a process of its own, so that its
 * HTTP parsing never delays the embedded database, which the benchmark process serves on its main
 * thread. share.ts forks this file (`runLoad` below) once per run; the child sends back
 * autocannon's summary and one sample per response (when it ended, how long it took, its status
 * and what its body was), so the parent can compute exact percentiles and, for the revocation
 * run, tell which answers came before and after the revocation.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { percentile, round1 } from "./stats";

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** autocannon's per-request timeout (it counts a timeout as an error). */
  timeoutSeconds: number;
  /** Extra request headers (e.g. accept-encoding). */
  headers?: Record<string, string>;
  /** Text every full share page contains (the holder's name, a card title), HTML-escaped; none when bodies arrive compressed (autocannon cannot decode them). */
  pageMarkers: string[];
  /** Text of the 410 "revoked" page (and of the page-level fallback for it). */
  revokedMarker: string;
}

/** What a response's body was: the full page, a share page that says the link is off (a 200 rendered after the gate let it through), the 410 problem page, or something else. */
export type BodyKind = "page" | "revoked-page" | "gone" | "other";
const KINDS: BodyKind[] = ["page", "revoked-page", "gone", "other"];

export interface LoadSamples {
  /** When the response ended: epoch ms with sub-ms resolution (performance.timeOrigin + now), comparable across processes. */
  endAt: number[];
  /** Latency as autocannon measured it (request written → response complete), ms. */
  ms: number[];
  status: number[];
  kind: BodyKind[];
}

/** The fields of autocannon's result the benchmark reports (autocannon 9). */
export interface AutocannonSummary {
  requestsAverage: number;
  totalCompleted: number;
  totalSent: number;
  durationSeconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  resets: number;
  statusCodeStats: Record<string, number>;
  latency: { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  throughputBytesAverage: number;
  /** Bytes received in all (headers included). */
  totalBytes: number;
}

export interface LoadResult {
  summary: AutocannonSummary;
  samples: LoadSamples;
  /** When autocannon started sending (epoch ms, as endAt). */
  startedAt: number;
  /** CPU the load generator itself used, ms. */
  clientCpuMs: number;
  /** Up to 5 distinct connection / timeout errors, for the report. */
  errorMessages: string[];
}

type ToChild = { type: "run"; options: LoadOptions };
type FromChild =
  { type: "started"; at: number } | { type: "done"; result: LoadResult } | { type: "failed"; message: string };

const nowEpoch = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- parent side

export interface LoadRun {
  pid: number;
  /** Resolves when autocannon has started sending, with that instant (epoch ms). */
  started: Promise<number>;
  result: Promise<LoadResult>;
  /** Ends the child at once (cleanup, Ctrl-C). */
  kill(): void;
}

/** Nearest-rank p50 / p95 / p99 / max over every response of a run (or those `which` selects), in ms rounded to 0.1. */
export function exactLatency(
  result: LoadResult,
  which?: (i: number) => boolean,
): { p50: number; p95: number; p99: number; max: number } {
  const sorted = result.samples.ms.filter((_, i) => !which || which(i)).sort((a, b) => a - b);
  return {
    p50: round1(percentile(sorted, 50)),
    p95: round1(percentile(sorted, 95)),
    p99: round1(percentile(sorted, 99)),
    max: round1(sorted.at(-1) ?? 0),
  };
}

/** Forks this file with the parent's node flags (tsx's loader, --conditions) and runs one load. */
export function runLoad(options: LoadOptions): LoadRun {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--share-load-child"], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let resolveStarted!: (at: number) => void;
  let rejectStarted!: (error: Error) => void;
  const started = new Promise<number>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  // Nobody may be waiting for `started` when the run fails: do not let that be an unhandled rejection.
  started.catch(() => undefined);
  const result = new Promise<LoadResult>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      rejectStarted(error);
      reject(error);
    };
    child.on("message", (raw) => {
      const message = raw as FromChild;
      if (message.type === "started") resolveStarted(message.at);
      else if (message.type === "done") {
        settled = true;
        resolve(message.result);
        child.disconnect();
      } else fail(new Error(`load generator: ${message.message}`));
    });
    child.once("error", fail);
    child.once("exit", (code, signal) =>
      fail(new Error(`load generator exited before it finished (${signal ?? `exit code ${code}`})`)),
    );
  });
  child.send({ type: "run", options } satisfies ToChild);
  return {
    pid: child.pid!,
    started,
    result,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

// ---------------------------------------------------------------- child side

async function childRun(options: LoadOptions): Promise<void> {
  const { default: autocannon } = await import("autocannon");
  const samples: LoadSamples = { endAt: [], ms: [], status: [], kind: [] };
  const kindCodes: number[] = [];
  const errorMessages = new Set<string>();
  let startedAt = 0;
  const cpuBefore = process.cpuUsage();
  const classify = (body: string): number => {
    // Compressed bodies cannot be read here: a 200 then counts as the page, anything else as "other".
    if (options.pageMarkers.length === 0) return samples.status[kindCodes.length] === 200 ? 0 : 3;
    if (options.pageMarkers.every((marker) => body.includes(marker))) return 0;
    if (body.includes(options.revokedMarker)) return samples.status[kindCodes.length] === 410 ? 2 : 1;
    return 3;
  };
  const done = new Promise<AutocannonSummary>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: options.timeoutSeconds,
        ...(options.headers ? { headers: options.headers } : {}),
        // autocannon calls this right after the response event of the same response (httpClient.js, kOnMessageComplete).
        verifyBody: (body: unknown) => {
          const code = classify(String(body));
          kindCodes.push(code);
          return code !== 3;
        },
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const r = result as unknown as {
          requests: { average: number; sent: number };
          latency: {
            average: number;
            p50: number;
            p90: number;
            p97_5: number;
            p99: number;
            max: number;
            totalCount: number;
          };
          throughput: { average: number; total: number };
          duration: number;
          errors: number;
          timeouts: number;
          non2xx: number;
          mismatches: number;
          resets: number;
          statusCodeStats: Record<string, { count: number }>;
        };
        resolve({
          requestsAverage: r.requests.average,
          totalCompleted: samples.status.length,
          totalSent: r.requests.sent,
          durationSeconds: r.duration,
          errors: r.errors,
          timeouts: r.timeouts,
          non2xx: r.non2xx,
          mismatches: r.mismatches,
          resets: r.resets,
          statusCodeStats: Object.fromEntries(
            Object.entries(r.statusCodeStats).map(([code, { count }]) => [code, count]),
          ),
          latency: {
            average: r.latency.average,
            p50: r.latency.p50,
            p90: r.latency.p90,
            p97_5: r.latency.p97_5,
            p99: r.latency.p99,
            max: r.latency.max,
          },
          throughputBytesAverage: r.throughput.average,
          totalBytes: r.throughput.total,
        });
      },
    );
    instance.on("start", () => {
      startedAt = nowEpoch();
      process.send?.({ type: "started", at: startedAt } satisfies FromChild);
    });
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      samples.endAt.push(nowEpoch());
      samples.ms.push(responseTime);
      samples.status.push(statusCode);
    });
    instance.on("reqError", (error: Error) => {
      if (errorMessages.size < 5) errorMessages.add(error.message);
    });
  });
  const summary = await done;
  const cpu = process.cpuUsage(cpuBefore);
  // A response whose body was never classified (the run ended in between) counts as "other".
  samples.kind = samples.status.map((_, i) => KINDS[kindCodes[i] ?? 3]!);
  const result: LoadResult = {
    summary,
    samples,
    startedAt,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    errorMessages: [...errorMessages],
  };
  await new Promise<void>((resolve, reject) =>
    process.send!({ type: "done", result } satisfies FromChild, (error: Error | null) =>
      error ? reject(error) : resolve(),
    ),
  );
}

if (process.argv.includes("--share-load-child") && process.send) {
  process.once("message", (raw) => {
    const message = raw as ToChild;
    childRun(message.options).catch((error: unknown) => {
      process.send?.({
        type: "failed",
        message: error instanceof Error ? error.message : String(error),
      } satisfies FromChild);
      process.exitCode = 1;
    });
  });
  // The parent going away (Ctrl-C, crash) ends the load at once.
  process.once("disconnect", () => process.exit(0));
}
