/**
 * npm run bench:share-enumeration — docs/threat-model.md F2 as a script: can a visitor tell an unknown
 * share token from a malformed one, by the answer or by its timing?
 *
 *   tsx --conditions=react-server scripts/bench/share-enumeration.ts [--postgres-only | --pglite-only]
 *       [--unknown=2000] [--malformed=500] [--rounds=3]
 *
 * On each database (a throwaway PostgreSQL database on 127.0.0.1:5432, and embedded PGlite served
 * on a local socket as `npm start` does) it creates one holder with a live link, then asks the
 * proxy's gate (lib/shares/gate.ts: per-client limit, then the link's status — exactly what
 * answers /v/<token> before any page renders) about --unknown random well-formed tokens and
 * --malformed malformed ones (wrong prefix, wrong length, bad characters, path tricks, 5,000
 * characters), interleaved in a shuffled order so drift affects both alike, --rounds times.
 *
 * Reported: every answer's status and body must be identical across both kinds (a 404 with the
 * same bytes); the median gate time of each kind; the noise — the median difference between two
 * random halves of the unknown tokens, over 200 resamplings — and the difference between the two
 * kinds' medians. Budget: identical answers, and the kinds' median difference no larger than
 * max(3 × noise, 0.25 ms) (docs/threat-model.md F2: "below noise"). Also: while one client is refused by
 * its limit, another client's valid link still answers at once (its time is printed). The last
 * line is one JSON object.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { createShare } from "@/lib/shares/data";
import { createShareGate } from "@/lib/shares/gate";
import { mintShareToken } from "@/lib/shares/token";
import { createShareViewLimiter } from "@/lib/shares/view-limit";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { openBenchDatabase, type BenchDatabaseKind } from "./support/bench-database";
import { flag, option } from "./support/cli-options";
import { table } from "./support/stats";

const UNKNOWN = option("unknown", 2000);
const MALFORMED = option("malformed", 500);
const ROUNDS = option("rounds", 3);
const SECRET = "bench-secret-bench-secret-bench-secret-0";
const NOISE_FLOOR_MS = 0.25;

function malformedTokens(count: number): string[] {
  const shapes = [
    () => `tsv_${crypto.randomBytes(8).toString("base64url")}`,
    () => `tsv_${crypto.randomBytes(40).toString("base64url")}`,
    () => `xyz_${crypto.randomBytes(32).toString("base64url")}`,
    () => crypto.randomBytes(32).toString("hex"),
    () => `tsv_${"!".repeat(43)}`,
    () => `..%2F..%2F${crypto.randomBytes(4).toString("hex")}`,
    () => "x".repeat(5000),
    () => `%E2%80%AE${crypto.randomBytes(6).toString("hex")}`,
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The median difference between two random halves of one kind: how far apart identical work looks. */
function noise(samples: number[], resamplings = 200): number {
  const diffs: number[] = [];
  for (let r = 0; r < resamplings; r++) {
    const shuffled = shuffle([...samples]);
    const half = shuffled.length >> 1;
    diffs.push(Math.abs(median(shuffled.slice(0, half)) - median(shuffled.slice(half))));
  }
  return median(diffs);
}

interface Result {
  kind: BenchDatabaseKind;
  unknown_median_ms: number;
  malformed_median_ms: number;
  difference_ms: number;
  noise_ms: number;
  allowed_difference_ms: number;
  distinct_answers: number;
  valid_link_ms_while_other_client_limited: number;
  budget_ok: boolean;
}

async function measure(kind: BenchDatabaseKind): Promise<Result> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tessera-bench-enum-"));
  const database = await openBenchDatabase(kind, { dataDir });
  try {
    const db = database.db;
    const holder = await createTestHolder(
      db,
      `enum-${crypto.randomBytes(4).toString("hex")}@bench.tessera.test`,
      "Amara Okafor",
    );
    const credential = await storeTestCredential(db, holder, { title: "Basic Life Support", verdict: "verified" });
    const live = (await createShare(db, holder, { scope: "credential", credentialId: credential }))!.token;
    const gate = createShareGate({
      db,
      limiter: createShareViewLimiter(db, { perMinute: 10_000_000, secret: SECRET }),
      trustedProxyHops: 0,
    });
    const visitor = (address: string) => ({ method: "GET", headers: new Headers({ [PEER_ADDRESS_HEADER]: address }) });

    const answers = new Set<string>();
    const times: Record<"unknown" | "malformed", number[]> = { unknown: [], malformed: [] };
    // Warm-up: connections, prepared plans, JIT.
    for (let i = 0; i < 100; i++) await gate(visitor("198.51.100.1"), `/v/${mintShareToken()}`);
    for (let round = 0; round < ROUNDS; round++) {
      const work = shuffle([
        ...Array.from({ length: UNKNOWN }, () => ({ kind: "unknown" as const, token: mintShareToken() })),
        ...malformedTokens(MALFORMED).map((token) => ({ kind: "malformed" as const, token })),
      ]);
      for (const item of work) {
        const started = performance.now();
        const response = await gate(visitor("198.51.100.1"), `/v/${item.token}`);
        const body = response ? await response.text() : "";
        times[item.kind].push(performance.now() - started);
        answers.add(`${response?.status ?? "passed"} ${crypto.createHash("sha256").update(body).digest("hex")}`);
      }
    }

    // One client over its limit; another client's valid link still answers at once.
    const strict = createShareGate({
      db,
      limiter: createShareViewLimiter(db, { perMinute: 5, secret: SECRET }),
      trustedProxyHops: 0,
    });
    for (let i = 0; i < 20; i++) await strict(visitor("203.0.113.66"), `/v/${mintShareToken()}`);
    const refused = await strict(visitor("203.0.113.66"), `/v/${live}`);
    if (refused?.status !== 429)
      throw new Error(`the limiter did not engage for the noisy client (status ${refused?.status})`);
    const started = performance.now();
    const other = await strict(visitor("203.0.113.77"), `/v/${live}`);
    const validMs = performance.now() - started;
    if (other !== null) throw new Error(`another client's valid link was refused (status ${other.status})`);

    const unknownMedian = median(times.unknown);
    const malformedMedian = median(times.malformed);
    const noiseMs = noise(times.unknown);
    const allowed = Math.max(3 * noiseMs, NOISE_FLOOR_MS);
    const difference = Math.abs(unknownMedian - malformedMedian);
    return {
      kind,
      unknown_median_ms: round3(unknownMedian),
      malformed_median_ms: round3(malformedMedian),
      difference_ms: round3(difference),
      noise_ms: round3(noiseMs),
      allowed_difference_ms: round3(allowed),
      distinct_answers: answers.size,
      valid_link_ms_while_other_client_limited: round3(validMs),
      budget_ok: answers.size === 1 && difference <= allowed,
    };
  } finally {
    await database.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

async function main() {
  const kinds: BenchDatabaseKind[] = flag("postgres-only")
    ? ["postgres"]
    : flag("pglite-only")
      ? ["pglite"]
      : ["postgres", "pglite"];
  console.log(
    `share-link enumeration (docs/threat-model.md F2): ${UNKNOWN} unknown well-formed and ${MALFORMED} malformed tokens, shuffled, × ${ROUNDS} rounds, through the proxy's gate`,
  );
  const results: Result[] = [];
  for (const kind of kinds) results.push(await measure(kind));
  console.log(
    table(
      [
        "database",
        "unknown median ms",
        "malformed median ms",
        "difference ms",
        "noise ms",
        "allowed ms",
        "distinct answers",
        "valid link for another client ms",
        "ok",
      ],
      results.map((r) => [
        r.kind,
        r.unknown_median_ms,
        r.malformed_median_ms,
        r.difference_ms,
        r.noise_ms,
        r.allowed_difference_ms,
        r.distinct_answers,
        r.valid_link_ms_while_other_client_limited,
        r.budget_ok ? "yes" : "NO",
      ]),
    ),
  );
  const budgetOk = results.every((r) => r.budget_ok);
  console.log(
    JSON.stringify({
      benchmark: "share-enumeration",
      unknown: UNKNOWN,
      malformed: MALFORMED,
      rounds: ROUNDS,
      results,
      budgets: { distinct_answers: 1, difference_ms_max: `max(3 × noise, ${NOISE_FLOOR_MS})` },
      budget_ok: budgetOk,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
