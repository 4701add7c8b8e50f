import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { listCollections } from "@/lib/wallet/collections";
import { listWallet, walletFacets, walletSummary } from "@/lib/wallet/list";
import type { WalletQuery } from "@/lib/wallet/query";
import type { BenchDatabase } from "./bench-database";
import { latency, table, type Latency } from "./stats";

/** How many times each data-layer call is timed (after one untimed call). */
export const PROFILE_ROUNDS = 30;

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

/** The wallet's data layer alone, on a pool configured as the app's (one connection on PGlite): where the time goes. */
export async function profileWalletDataLayer(
  database: BenchDatabase,
  holderId: string,
  sessionToken: string,
): Promise<[string, Latency][]> {
  const db = createDatabase({ url: database.url, embedded: database.embedded });
  try {
    const first: WalletQuery = { sort: "newest", page: 1 };
    const search: WalletQuery = { q: "sepsis", kind: "badge", sort: "newest", page: 1 };
    const api: WalletQuery = { q: "wound", sort: "newest", page: 1 };
    const now = () => new Date();
    const rows: [string, () => Promise<unknown>][] = [
      [
        "session lookup (Auth.js adapter query)",
        () =>
          db
            .select()
            .from(sessions)
            .innerJoin(users, eq(users.id, sessions.userId))
            .where(eq(sessions.sessionToken, sessionToken)),
      ],
      ["listWallet first page", () => listWallet(db, holderId, first, now())],
      ["listWallet q+kind=badge", () => listWallet(db, holderId, search, now())],
      ["listWallet q", () => listWallet(db, holderId, api, now())],
      [
        "listWallet expiring strip",
        () => listWallet(db, holderId, { validity: "expiring", sort: "expiring", page: 1 }, now()),
      ],
      ["walletSummary", () => walletSummary(db, holderId, now())],
      ["walletFacets", () => walletFacets(db, holderId)],
      ["listCollections", () => listCollections(db, holderId)],
      [
        "all of the page's data (Promise.all, as /wallet does)",
        () =>
          Promise.all([
            walletSummary(db, holderId, now()),
            listWallet(db, holderId, first, now()),
            walletFacets(db, holderId),
            listCollections(db, holderId),
          ]),
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

export function printWalletProfile(profile: [string, Latency][]): void {
  console.log(`\ndata layer in-process (same database, pool as the app's, ${PROFILE_ROUNDS} rounds each):`);
  console.log(
    table(
      ["query", "p50 ms", "p95 ms", "max ms"],
      profile.map(([label, l]) => [label, l.p50.toFixed(1), l.p95.toFixed(1), l.max.toFixed(1)]),
    ),
  );
}
