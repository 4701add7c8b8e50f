/**
 * npm run bench:import — imports 1,000 generated, signed credentials of mixed formats (a tenth
 * baked into PNG images) into a fresh wallet on the embedded database, item by item exactly as an
 * import job does, and prints credentials/s and total seconds. Budget: 1,000 in under 15 s.
 * Issuing the corpus is not timed (it is cached in .data/bench).
 */
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { count, eq } from "drizzle-orm";
import { credentials, users } from "@/db/schema";
import { bakePng } from "@/lib/hostile-input/png";
import { importOne } from "@/lib/import/jobs";
import { verificationDepsForHolder } from "@/lib/credential-store/verify-stored";
import { DEFAULT_RECIPIENT, loadOrIssueMany } from "@/test-issuer";
import { createGuardedFetch } from "@/lib/net";
import { openTestDatabase, type DatabaseKind } from "@/testkit/test-database";

const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
const BUDGET_SECONDS = 15;
const kind = (process.env.BENCH_DB ?? "pglite") as DatabaseKind;

async function main() {
  const corpus = await loadOrIssueMany(`.data/bench/corpus-${COUNT}.json`, {
    count: COUNT,
    now: "2026-06-01T09:00:00Z",
    seed: new Uint8Array(32).fill(7),
  });
  const basePng = new Uint8Array(
    await sharp({ create: { width: 128, height: 128, channels: 4, background: "#0b6a5e" } })
      .png()
      .toBuffer(),
  );
  const items = corpus.items.map((item) =>
    item.index % 10 === 0 && item.format.startsWith("ob3")
      ? { name: `badge-${item.index}.png`, bytes: bakePng(basePng, "openbadgecredential", item.content) }
      : {
          name: `credential-${item.index}.${item.content.startsWith("{") ? "json" : "jwt"}`,
          bytes: new TextEncoder().encode(item.content),
        },
  );
  const documents = new Map(Object.entries(corpus.documents).map(([url, doc]) => [url, JSON.stringify(doc)]));
  // did:web:host[:path] → https://host/[path/]did.json (or /.well-known/did.json), served offline.
  for (const [did, doc] of Object.entries(corpus.didDocuments)) {
    const [host, ...path] = did.slice("did:web:".length).split(":").map(decodeURIComponent);
    documents.set(
      path.length ? `https://${host}/${path.join("/")}/did.json` : `https://${host}/.well-known/did.json`,
      JSON.stringify(doc),
    );
  }
  const fetch = createGuardedFetch({ documents, cacheTtlMs: 60_000 });

  const database = await openTestDatabase(kind);
  try {
    const [holder] = await database.db
      .insert(users)
      .values({ email: DEFAULT_RECIPIENT.email, name: DEFAULT_RECIPIENT.name, emailVerified: new Date() })
      .returning({ id: users.id });
    const withVerification = process.env.BENCH_VERIFY !== "0";
    const deps = {
      fetch,
      ...(withVerification ? { verify: await verificationDepsForHolder(database.db, holder!.id, fetch) } : {}),
    };
    const outcomes = { imported: 0, duplicate: 0, rejected: 0 };
    const rejections = new Map<string, number>();
    const started = performance.now();
    for (const item of items) {
      const report = await importOne(database.db, holder!.id, item, deps);
      outcomes[report.outcome] += 1;
      if (report.outcome === "rejected") rejections.set(report.message, (rejections.get(report.message) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    const verdicts = await database.db
      .select({ format: credentials.format, securing: credentials.securing, verdict: credentials.verdict, n: count() })
      .from(credentials)
      .where(eq(credentials.holderId, holder!.id))
      .groupBy(credentials.format, credentials.securing, credentials.verdict);
    console.log(
      `verdicts: ${verdicts.map((v) => `${v.format}/${v.securing} ${v.verdict ?? "not checked"} ${v.n}`).join(", ")}`,
    );
    for (const [message, n] of rejections) console.log(`rejected ×${n}: ${message}`);
    console.log(
      `database: ${kind}; ${items.length} items (${items.filter((i) => i.name.endsWith(".png")).length} baked PNGs)`,
    );
    console.log(`imported ${outcomes.imported}, duplicates ${outcomes.duplicate}, rejected ${outcomes.rejected}`);
    console.log(`total ${seconds.toFixed(2)} s, ${(items.length / seconds).toFixed(1)} credentials/s`);
    const figures = {
      benchmark: "import",
      database: kind,
      credentials: items.length,
      imported: outcomes.imported,
      rejected: outcomes.rejected,
      total_seconds: Number(seconds.toFixed(3)),
      credentials_per_second: Number((items.length / seconds).toFixed(1)),
      verification_included: withVerification,
      budgets: { total_seconds_max: BUDGET_SECONDS, credentials: 1000 },
      budget_ok: seconds < BUDGET_SECONDS && outcomes.rejected === 0 && items.length >= 1000,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
