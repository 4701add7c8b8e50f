/**
 * "Where the time goes" for `npm run bench:share`: the data layer behind one share page view,
 * timed in-process on the benchmark's database, on a pool configured as the app's — one call at a
 * time, and many calls in flight — for the proxy's gate (rate-limit row + share lookup), the page's
 * resolveShare, the render cache's key, and a bare round trip for scale.
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { createShare } from "@/lib/shares/data";
import { openShare, resolveShare } from "@/lib/shares/resolve";
import { shareRenderKey } from "@/lib/shares/render-cache/key";
import { createShareViewLimiter } from "@/lib/shares/view-limit";
import type { BenchDatabase } from "./bench-database";
import { errorMessage } from "./error-message";
import { latency, percentile, table, type Latency } from "./stats";

/** Rounds of the sequential data-layer timings, and calls of the concurrent ones. */
const PROFILE_ROUNDS = 50;
const PROFILE_CALLS = 500;
const PROFILE_IN_FLIGHT = 50;

export interface ProfileRow {
  label: string;
  sequential: Latency;
  /** PROFILE_CALLS calls, PROFILE_IN_FLIGHT at a time, on a pool like the app's. */
  concurrentPerSecond: number;
  concurrentP95: number;
}

export interface ProfiledShare {
  holderId: string;
  /** The credentials to share (a fresh link is created: the measured one may have been revoked). */
  sharedIds: string[];
  headline: string;
  /** The server's AUTH_SECRET, which keys the rate limiter's address hashes. */
  secret: string;
  /** The per-address share-view limit the server runs with. */
  viewLimitPerMinute: number;
}

export async function profileDataLayer(
  database: BenchDatabase,
  { holderId, sharedIds, headline, secret, viewLimitPerMinute }: ProfiledShare,
): Promise<ProfileRow[]> {
  // A fresh link (the measured one may have been revoked), on a pool configured as the app's.
  const created = await createShare(database.db, holderId, {
    scope: "selection",
    credentialIds: sharedIds,
    headline,
    expiry: 30,
  });
  if (!created) throw new Error("createShare refused the selection");
  const { token } = created;
  const db = createDatabase({ url: database.url, embedded: database.embedded });
  try {
    const limiter = createShareViewLimiter(db, { perMinute: viewLimitPerMinute, secret });
    let address = 0;
    const rows: [string, () => Promise<unknown>][] = [
      ["gate: rate limit, one client address (batched writes)", () => limiter.consume("127.0.0.1")],
      [
        "gate: rate limit, a new address each call (one write each)",
        () => limiter.consume(`10.0.${(address >> 8) & 255}.${address++ & 255}`),
      ],
      ["gate: share lookup (openShare)", () => openShare(db, token, new Date())],
      ["page: resolveShare (no re-checks due)", () => resolveShare(db, token, new Date())],
      ["cache: shareRenderKey (the cached page's key)", () => shareRenderKey(db, token, new Date(), 60)],
      ["select 1 (round trip)", () => db.execute(sql`select 1`)],
    ];
    const out: ProfileRow[] = [];
    for (const [label, fn] of rows) {
      try {
        await fn();
        const samples: number[] = [];
        for (let i = 0; i < PROFILE_ROUNDS; i++) {
          const started = performance.now();
          await fn();
          samples.push(performance.now() - started);
        }
        const concurrent: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: PROFILE_IN_FLIGHT }, async () => {
            while (next++ < PROFILE_CALLS) {
              const t = performance.now();
              await fn();
              concurrent.push(performance.now() - t);
            }
          }),
        );
        const elapsed = performance.now() - started;
        // Two decimals: most of these take well under a millisecond.
        const sorted = [...samples].sort((a, b) => a - b);
        const round2 = (n: number) => Math.round(n * 100) / 100;
        const sequential = {
          p50: round2(percentile(sorted, 50)),
          p95: round2(percentile(sorted, 95)),
          max: round2(sorted.at(-1)!),
        };
        out.push({
          label,
          sequential,
          concurrentPerSecond: (PROFILE_CALLS / elapsed) * 1000,
          concurrentP95: latency(concurrent).p95,
        });
      } catch (error) {
        console.log(`profile: ${label} failed: ${errorMessage(error)}`);
      }
    }
    return out;
  } finally {
    await db.$client.end().catch(() => undefined);
  }
}

export function printProfile(database: BenchDatabase, profile: ProfileRow[]): void {
  console.log(
    `\ndata layer in-process (${database.kind}; the app's pool: ${database.embedded ? "1 connection" : "10 connections"}): one call at a time (${PROFILE_ROUNDS} rounds), and ${PROFILE_CALLS} calls with ${PROFILE_IN_FLIGHT} in flight`,
  );
  console.log(
    table(
      ["per page view", "p50 ms", "p95 ms", "max ms", `calls/s at ${PROFILE_IN_FLIGHT} in flight`, "p95 ms in flight"],
      profile.map((r) => [
        r.label,
        r.sequential.p50.toFixed(2),
        r.sequential.p95.toFixed(2),
        r.sequential.max.toFixed(1),
        Math.round(r.concurrentPerSecond),
        r.concurrentP95.toFixed(1),
      ]),
    ),
  );
}
