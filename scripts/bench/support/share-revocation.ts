/**
 * The revocation-under-load phase of `npm run bench:share --revoke-mid-run` (docs/threat-model.md H1):
 * while autocannon loads the share page, the link is revoked through the data layer (revokeShare),
 * and the responses are sorted into what came before and after the revocation. 410 answers after
 * the call are expected; 5xx, timeouts, connection errors, any other status and bodies that are
 * neither the page nor the "turned off" page count as errors. revocation_effective_ms is how long
 * after revokeShare was called the last request that still got the full page was sent (0 when every
 * request sent after the call was refused). Budget: ≤ 1000 ms, 0 errors.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { revokeShare } from "@/lib/shares/data";
import type { BenchDatabase } from "./bench-database";
import { exactLatency, type LoadOptions, type LoadRun } from "./share-load";
import { round1, table } from "./stats";

export const REVOCATION_BUDGET = { effective_ms_max: 1000, errors_max: 0 } as const;

export interface RevocationFigures {
  connections: number;
  duration_s: number;
  revoke_at_s: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  requests: number;
  /** Responses by status and body: "200 page", "200 revoked-page", "410 gone", … */
  answers: Record<string, number>;
  full_pages: number;
  full_pages_sent_after_revoke: number;
  revoked_pages_200: number;
  gone_410: number;
  errors: number;
  timeouts: number;
  status_5xx: number;
  unexpected: number;
  revoke_call_ms: number;
  first_410_after_ms: number | null;
  last_full_page_end_after_ms: number | null;
  revocation_effective_ms: number;
  budget_ok: boolean;
  error_examples?: string[];
}

export interface RevocationPhase {
  /** Seconds after the load started at which the share is revoked. */
  revokeAtSeconds: number;
  /** Starts the load generator (the caller keeps hold of it, to stop it on Ctrl-C). */
  startLoad: (options: LoadOptions) => LoadRun;
}

/** Loads the share page with `options` and revokes the share `revokeAtSeconds` into the run. */
export async function revokeMidRun(
  database: BenchDatabase,
  holderId: string,
  shareId: string,
  options: LoadOptions,
  { revokeAtSeconds, startLoad }: RevocationPhase,
): Promise<RevocationFigures> {
  console.log(
    `\nrevocation under load: ${options.durationSeconds} s × ${options.connections} connections, the link revoked (revokeShare) at ${revokeAtSeconds} s …`,
  );
  const run = startLoad(options);
  const startedAt = await run.started;
  await sleep(Math.max(0, startedAt + revokeAtSeconds * 1000 - (performance.timeOrigin + performance.now())));
  const revokeCalled = performance.timeOrigin + performance.now();
  if (!(await revokeShare(database.db, holderId, shareId))) throw new Error("revokeShare found no share to revoke");
  const revokeCommitted = performance.timeOrigin + performance.now();
  const result = await run.result;
  const { samples, summary } = result;
  let firstGone: number | undefined;
  let lastPageEnd: number | undefined;
  let lastPageSent: number | undefined;
  let fullPages = 0;
  let fullPagesAfter = 0;
  let revokedPages = 0;
  let gone = 0;
  let status5xx = 0;
  let unexpected = 0;
  const answers: Record<string, number> = {};
  for (let i = 0; i < samples.status.length; i++) {
    const status = samples.status[i]!;
    const kind = samples.kind[i]!;
    answers[`${status} ${kind}`] = (answers[`${status} ${kind}`] ?? 0) + 1;
    const endAt = samples.endAt[i]!;
    const sentAt = endAt - samples.ms[i]!;
    if (status >= 500) status5xx++;
    if (status === 200 && kind === "page") {
      fullPages++;
      lastPageEnd = Math.max(lastPageEnd ?? endAt, endAt);
      if (sentAt > revokeCalled) {
        fullPagesAfter++;
        lastPageSent = Math.max(lastPageSent ?? sentAt, sentAt);
      }
    } else if (status === 200 && kind === "revoked-page") revokedPages++;
    // A request sent just before the call can reach the gate after it: a 410 is right from the call on.
    else if (status === 410 && kind === "gone" && endAt >= revokeCalled) {
      gone++;
      firstGone = Math.min(firstGone ?? endAt, endAt);
    } else if (status < 500) unexpected++;
  }
  const all = exactLatency(result);
  // autocannon counts timeouts among its errors; statuses and bodies it does not judge.
  const errors = summary.errors + status5xx + unexpected;
  const effective = lastPageSent === undefined ? 0 : Math.round(lastPageSent - revokeCalled);
  return {
    connections: options.connections,
    duration_s: options.durationSeconds,
    revoke_at_s: revokeAtSeconds,
    rps: round1(summary.requestsAverage),
    p50_ms: all.p50,
    p95_ms: all.p95,
    p99_ms: all.p99,
    requests: summary.totalCompleted,
    answers,
    full_pages: fullPages,
    full_pages_sent_after_revoke: fullPagesAfter,
    revoked_pages_200: revokedPages,
    gone_410: gone,
    errors,
    timeouts: summary.timeouts,
    status_5xx: status5xx,
    unexpected,
    revoke_call_ms: round1(revokeCommitted - revokeCalled),
    first_410_after_ms: firstGone === undefined ? null : round1(firstGone - revokeCalled),
    last_full_page_end_after_ms: lastPageEnd === undefined ? null : round1(lastPageEnd - revokeCalled),
    revocation_effective_ms: effective,
    budget_ok: errors <= REVOCATION_BUDGET.errors_max && gone > 0 && effective <= REVOCATION_BUDGET.effective_ms_max,
    ...(result.errorMessages.length > 0 ? { error_examples: result.errorMessages } : {}),
  };
}

export function printRevocation(r: RevocationFigures): void {
  console.log(
    `\nrevocation under load (${r.duration_s} s × ${r.connections} connections, revoked at ${r.revoke_at_s} s; revokeShare took ${r.revoke_call_ms} ms):`,
  );
  console.log(
    table(
      [
        "",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "responses",
        "full pages",
        "200 'turned off'",
        "410",
        "errors",
        "timeouts",
        "5xx",
        "other",
      ],
      [
        [
          "GET /v/<token>",
          r.rps,
          r.p50_ms,
          r.p95_ms,
          r.p99_ms,
          r.requests,
          r.full_pages,
          r.revoked_pages_200,
          r.gone_410,
          r.errors,
          r.timeouts,
          r.status_5xx,
          r.unexpected,
        ],
      ],
    ),
  );
  console.log(
    `answers: ${Object.entries(r.answers)
      .map(([k, n]) => `${k} ×${n}`)
      .join(", ")}`,
  );
  console.log(
    `revocation effective after ${r.revocation_effective_ms} ms (the last request still answered with the page was sent then; ${r.full_pages_sent_after_revoke} such after the call); first 410 ${r.first_410_after_ms ?? "never"} ms after the call; the last full page ended ${r.last_full_page_end_after_ms ?? "n/a"} ms after it (requests already in flight) — budget ≤ ${REVOCATION_BUDGET.effective_ms_max} ms and 0 errors: ${r.budget_ok ? "met" : "MISSED"}`,
  );
}
