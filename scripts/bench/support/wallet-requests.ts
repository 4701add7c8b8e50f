import os from "node:os";
import { performance } from "node:perf_hooks";
import { tail, type NextServer } from "./next-server";
import { htmlText, rendered } from "./page-check";
import { processCpuMs } from "./proc-cpu";
import { latency, mean, table, type Latency } from "./stats";
import { BENCH_HOLDER, expectedMatches, newestFirst, type CorpusItem } from "./wallet-corpus";

/** Searches a holder types: skills, topics, an issuer word, a word stem, one of their own tags, a broad word. */
export const TERMS = [
  "sepsis",
  "airway",
  "wound",
  "paediatric",
  "leadership",
  "infection",
  "medication",
  "dementia",
  "safeguarding",
  "ventilat",
  "revalidation",
  "triage",
  "simulation",
  "oxygen",
  "pain",
  "nursing",
];

export const WALLET_BUDGETS = { first_page_p95_ms: 300, search_p95_ms: 150 } as const;

interface Outcome {
  ms: number;
  bytes: number;
  /** CPU time the server used for this request, and this process (the client, and PGlite when embedded). */
  serverCpuMs?: number;
  ownCpuMs: number;
  error?: string;
}

export interface Case {
  id: "wallet_first_page" | "search_page" | "search_api";
  label: string;
  /** The i-th request of this case: its path and how to check the answer. */
  request(i: number): { path: string; check(status: number, body: string): string | undefined };
}

function cases(items: CorpusItem[]): Case[] {
  const newest = newestFirst(items)[0]!;
  const htmlCheck = (expectedTitle: string | undefined) => (status: number, body: string) => {
    if (status !== 200) return `status ${status}`;
    const html = rendered(body);
    if (!html.includes(htmlText(BENCH_HOLDER.name))) return "the holder's name is not rendered";
    if (expectedTitle && !html.includes(htmlText(expectedTitle)))
      return `the first card "${expectedTitle}" is not rendered`;
    return undefined;
  };
  return [
    {
      id: "wallet_first_page",
      label: "GET /wallet",
      request: () => ({ path: "/wallet", check: htmlCheck(newest.title) }),
    },
    {
      id: "search_page",
      label: "GET /wallet?q=…&kind=badge",
      request(i) {
        const term = TERMS[i % TERMS.length]!;
        return {
          path: `/wallet?q=${encodeURIComponent(term)}&kind=badge`,
          check: htmlCheck(expectedMatches(items, term, "badge")[0]?.title),
        };
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
            if (page.total !== expected.length)
              return `"${term}": total ${String(page.total)}, expected ${expected.length}`;
            const shown = Math.min(Number(page.pageSize), expected.length);
            if (!Array.isArray(page.items) || page.items.length !== shown)
              return `"${term}": ${page.items?.length ?? "no"} items, expected ${shown}`;
            if (shown > 0 && page.items[0]?.title !== expected[0]!.title)
              return `"${term}": first card "${String(page.items[0]?.title)}", expected "${expected[0]!.title}"`;
            return undefined;
          },
        };
      },
    },
  ];
}

async function timedGet(
  origin: string,
  cookie: string,
  requestPath: string,
): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  // Plain fetch on purpose: the server under test is on loopback, which lib/net's guarded fetcher refuses by design.
  const response = await fetch(`${origin}${requestPath}`, {
    headers: { cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

/** One request of a case, timed and checked, with the CPU it cost the server and this process. */
async function requestOnce(server: NextServer, cookie: string, c: Case, i: number): Promise<Outcome> {
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
    return {
      ms: 0,
      bytes: 0,
      ownCpuMs: 0,
      error: `${requestPath}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export interface WalletMeasurement {
  all: Case[];
  outcomes: Map<Case["id"], Outcome[]>;
  errors: string[];
  figures: Record<Case["id"], Latency>;
  /** Mean server CPU ms per request of each case (NaN when it could not be read). */
  cpu: Record<Case["id"], number>;
  /** Latencies of GET /api/health: the floor. */
  health: number[];
  loadBefore: number;
  loadAfter: number;
}

/** The mean of a value over a case's answers without error; undefined when there are none or one is missing. */
function average(
  outcomes: WalletMeasurement["outcomes"],
  id: Case["id"],
  value: (o: Outcome) => number | undefined,
): number | undefined {
  const values = outcomes
    .get(id)!
    .filter((o) => !o.error)
    .map(value);
  return values.length && values.every((v) => v !== undefined) ? mean(values as number[]) : undefined;
}

/** Warm-up, the health floor, then `requests` rounds of the cases interleaved, one request at a time. */
export async function measureWallet(
  server: NextServer,
  cookie: string,
  items: CorpusItem[],
  run: { requests: number; warmup: number; logFile: string },
): Promise<WalletMeasurement> {
  const all = cases(items);
  const errors: string[] = [];
  for (let i = 0; i < run.warmup; i++) {
    const outcome = await requestOnce(server, cookie, all[i % all.length]!, i + 1000);
    if (outcome.error && i < all.length)
      throw new Error(`The first requests already fail, not measuring: ${outcome.error}\n${tail(run.logFile)}`);
    if (outcome.error) console.log(`warm-up (not counted): ${outcome.error}`);
  }
  const health: number[] = [];
  for (let i = 0; i < 30; i++) health.push((await timedGet(server.origin, "", "/api/health")).ms);

  // Interleaved, one request at a time: first page, search page, search API, first page, …
  const loadBefore = os.loadavg()[0]!;
  const outcomes = new Map<Case["id"], Outcome[]>(all.map((c) => [c.id, []]));
  for (let i = 0; i < run.requests; i++) {
    for (const c of all) {
      const outcome = await requestOnce(server, cookie, c, i);
      outcomes.get(c.id)!.push(outcome);
      if (outcome.error) errors.push(outcome.error);
    }
  }
  const figures = Object.fromEntries(
    all.map((c) => [
      c.id,
      latency(
        outcomes
          .get(c.id)!
          .filter((o) => !o.error)
          .map((o) => o.ms),
      ),
    ]),
  ) as Record<Case["id"], Latency>;
  const cpu = Object.fromEntries(
    all.map((c) => [c.id, Math.round((average(outcomes, c.id, (o) => o.serverCpuMs) ?? NaN) * 10) / 10]),
  ) as Record<Case["id"], number>;
  const loadAfter = os.loadavg()[0]!;
  return { all, outcomes, errors, figures, cpu, health, loadBefore, loadAfter };
}

/** The run's header lines and the table of the cases (and the health floor). */
export function printWalletRequests(
  m: WalletMeasurement,
  about: { requests: number; warmup: number; kind: string; embedded: boolean; credentials: number },
): void {
  const { all, outcomes, figures, cpu, health, loadBefore, loadAfter } = m;
  console.log(
    `\n${about.requests} sequential requests per case after ${about.warmup} warm-up; ${about.kind}; ${about.credentials} credentials; node ${process.version}`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, load average (1 min) ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after measuring${loadAfter > os.cpus().length ? " — busy: other work competes for the CPU, the figures are pessimistic" : ""}`,
  );
  console.log(
    table(
      [
        "case",
        "p50 ms",
        "p95 ms",
        "max ms",
        "budget p95",
        "errors",
        "avg KB",
        "server CPU ms",
        about.embedded ? "PGlite+client CPU ms" : "client CPU ms",
      ],
      [
        ...all.map((c) => [
          c.label,
          figures[c.id].p50.toFixed(1),
          figures[c.id].p95.toFixed(1),
          figures[c.id].max.toFixed(1),
          `≤ ${c.id === "wallet_first_page" ? WALLET_BUDGETS.first_page_p95_ms : WALLET_BUDGETS.search_p95_ms}`,
          outcomes.get(c.id)!.filter((o) => o.error).length,
          Math.round((average(outcomes, c.id, (o) => o.bytes) ?? 0) / 1024),
          Number.isNaN(cpu[c.id]) ? "n/a" : cpu[c.id].toFixed(1),
          (average(outcomes, c.id, (o) => o.ownCpuMs) ?? 0).toFixed(1),
        ]),
        [
          "GET /api/health (floor)",
          ...(({ p50, p95, max }) => [p50.toFixed(1), p95.toFixed(1), max.toFixed(1)])(latency(health)),
          "",
          "",
          "",
          "",
          "",
        ],
      ],
    ),
  );
}
