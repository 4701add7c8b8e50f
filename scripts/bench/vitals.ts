/**
 * npm run bench:vitals — how the pages feel on a mid-range phone: Lighthouse's mobile preset against
 * the production build (issue 21).
 *
 *   tsx --conditions=react-server scripts/bench/vitals.ts [--runs=3] [--port=3191] [--wallet=60] [--only=share,verify,…]
 *
 * Seeds a throwaway PostgreSQL database (the server at 127.0.0.1:5432, or BENCH_DATABASE_URL) with
 * one holder, a wallet of --wallet generated credentials and a link sharing 20 of them (the page
 * bench:share measures), signs the holder in with a database session, starts `next start`, and
 * measures five pages:
 *   share        /v/<token>              20 credentials (public)
 *   credential   /v/<token>/c/<id>       one shared credential (public)
 *   verify       /verify                 the public verifier (public)
 *   sign-in      /sign-in                (public)
 *   wallet       /wallet                 signed in (the session cookie is sent with every request)
 * For each: Lighthouse 12 (pinned; its default configuration is the mobile preset: a Moto G Power
 * screen, slow 4G and a 4× CPU slowdown, simulated) on Debian's Chromium, --runs times, reporting
 * the median performance score, LCP, TBT, CLS and FCP; and the page's weight on a first visit: the
 * HTML (raw and gzipped; the inline React payload within it) and the JavaScript its script tags
 * load, gzipped (support/page-weight.ts).
 *
 * Budgets (issue 21): performance ≥ 95, LCP ≤ 1.5 s, TBT ≤ 100 ms, CLS ≤ 0.05 on every page;
 * first-load JavaScript ≤ 110 KB gzipped on the public pages; the share page's HTML ≤ 12 KB gzipped.
 * The weights do not depend on the machine. The Lighthouse figures are simulated from what this
 * machine observed: TBT and the score fall when other work competes for the cores, so every run
 * prints the load average and Lighthouse's benchmark index (its measure of the machine's speed at
 * that moment) next to them. The last line is one JSON object with the budgets and budget_ok.
 * The server, Chromium and the database are always removed. Needs a production build
 * (.next/BUILD_ID); runs `next build` when there is none.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_POSTGRES_URL, openBenchDatabase } from "./support/bench-database";
import { startHeadlessChromium } from "./support/chromium";
import { Scope } from "./support/cleanup-scope";
import { option } from "./support/cli-options";
import { errorMessage } from "./support/error-message";
import { lighthouseMedian, type VitalsFigures } from "./support/lighthouse-run";
import { ensureProductionBuild, startNextServer } from "./support/next-server";
import { checkPage } from "./support/page-check";
import { kb, measurePageWeight, type PageWeight } from "./support/page-weight";
import { SHARE_HEADLINE, seedSharedWallet } from "./support/share-seed";
import { table } from "./support/stats";
import { BENCH_HOLDER } from "./support/wallet-corpus";
import { createSession } from "./support/wallet-seed";
import { sharedCredentialPath, sharePagePath } from "@/lib/shares/paths";

const BUDGETS = {
  performance_min: 95,
  lcp_ms_max: 1500,
  tbt_ms_max: 100,
  cls_max: 0.05,
  public_js_gz_kb_max: 110,
  share_html_gz_kb_max: 12,
} as const;

const RUNS = option("runs", 3);
const PORT = option("port", 3191);
const WALLET_SIZE = option("wallet", 60);
const SHARED = 20;
const ONLY = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");

interface PageResult {
  name: string;
  path: string;
  public: boolean;
  weight: PageWeight;
  vitals: VitalsFigures;
  problems: string[];
}

function budgetProblems(page: Omit<PageResult, "problems">): string[] {
  const { vitals: v, weight: w } = page;
  const problems: string[] = [];
  if (v.performance < BUDGETS.performance_min)
    problems.push(`performance ${v.performance} < ${BUDGETS.performance_min}`);
  if (v.lcp_ms > BUDGETS.lcp_ms_max) problems.push(`LCP ${v.lcp_ms} ms > ${BUDGETS.lcp_ms_max}`);
  if (v.tbt_ms > BUDGETS.tbt_ms_max) problems.push(`TBT ${v.tbt_ms} ms > ${BUDGETS.tbt_ms_max}`);
  if (v.cls > BUDGETS.cls_max) problems.push(`CLS ${v.cls} > ${BUDGETS.cls_max}`);
  if (page.public && kb(w.js_gz_bytes) > BUDGETS.public_js_gz_kb_max)
    problems.push(`first-load JS ${kb(w.js_gz_bytes)} KB gz > ${BUDGETS.public_js_gz_kb_max}`);
  if (page.name === "share" && kb(w.html_gz_bytes) > BUDGETS.share_html_gz_kb_max)
    problems.push(`HTML ${kb(w.html_gz_bytes)} KB gz > ${BUDGETS.share_html_gz_kb_max}`);
  return problems;
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
      console.error(`\n${signal}: stopping Chromium and the server, removing the database …`);
      void scope.close().finally(() => process.exit(130));
    });
  try {
    const runDir = path.resolve(".data/bench-vitals", `${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
    fs.mkdirSync(runDir, { recursive: true });
    scope.defer(() => fs.rmSync(runDir, { recursive: true, force: true }));
    const database = await openBenchDatabase("postgres", {
      dataDir: runDir,
      serverUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL,
    });
    scope.defer(() => database.close());
    const now = new Date();
    const seeded = await seedSharedWallet(database.db, { walletSize: WALLET_SIZE, count: SHARED, now });
    const cookie = `tessera.session=${await createSession(database.db, seeded.holderId, now)}`;
    console.log(
      `database: ${database.description}; a wallet of ${seeded.items.length} credentials, a link sharing ${SHARED}`,
    );

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
      // Lighthouse loads each share page and its 20 images several times from one address.
      SHARE_VIEW_LIMIT_PER_MINUTE: "10000000",
    });
    const server = await startNextServer({ cwd, port: PORT, env, logFile: path.join(runDir, "next-start.log") });
    scope.defer(() => server.stop());
    const sharePath = sharePagePath(seeded.token);
    await checkPage(`${server.origin}${sharePath}`, {
      holderName: BENCH_HOLDER.name,
      headline: SHARE_HEADLINE,
      titles: seeded.shared.map((s) => s.title),
    });

    const pages: { name: string; path: string; public: boolean; headers: Record<string, string> }[] = [
      { name: "share", path: sharePath, public: true, headers: {} },
      { name: "credential", path: sharedCredentialPath(seeded.token, seeded.sharedIds[0]!), public: true, headers: {} },
      { name: "verify", path: "/verify", public: true, headers: {} },
      { name: "sign-in", path: "/sign-in", public: true, headers: {} },
      { name: "wallet", path: "/wallet", public: false, headers: { cookie } },
    ];
    const measured = pages.filter((page) => !ONLY || ONLY.includes(page.name));

    const chromium = await startHeadlessChromium();
    scope.defer(() => chromium.close());
    console.log(
      `next start ${server.origin}; Chromium on DevTools port ${chromium.port}; ${RUNS} Lighthouse run(s) per page (median); node ${process.version}; ${os.cpus().length} cores`,
    );
    const results: PageResult[] = [];
    for (const page of measured) {
      const url = `${server.origin}${page.path}`;
      console.log(`load average (1 min) ${os.loadavg()[0]!.toFixed(2)}: ${page.name} (${page.path.slice(0, 24)}…)`);
      const weight = await measurePageWeight(url, page.headers);
      const vitals = await lighthouseMedian(url, chromium.port, page.headers, RUNS);
      const result = { name: page.name, path: page.path, public: page.public, weight, vitals };
      results.push({ ...result, problems: budgetProblems(result) });
    }

    console.log(
      "\n" +
        table(
          [
            "page",
            "perf",
            "LCP ms",
            "TBT ms",
            "CLS",
            "FCP ms",
            "JS gz KB",
            "files",
            "HTML KB",
            "HTML gz KB",
            "RSC KB",
            "bench idx",
            "load",
          ],
          results.map((r) => [
            r.name,
            r.vitals.performance,
            r.vitals.lcp_ms,
            r.vitals.tbt_ms,
            r.vitals.cls,
            r.vitals.fcp_ms,
            kb(r.weight.js_gz_bytes),
            r.weight.js_files,
            kb(r.weight.html_bytes),
            kb(r.weight.html_gz_bytes),
            kb(r.weight.rsc_payload_bytes),
            r.vitals.benchmark_index,
            r.vitals.load_avg_1m,
          ]),
        ),
    );
    const budgetOk = results.length === pages.length && results.every((r) => r.problems.length === 0);
    for (const r of results) if (r.problems.length > 0) console.log(`${r.name}: ${r.problems.join("; ")}`);
    const busy = results.some((r) => r.vitals.load_avg_1m > os.cpus().length);
    if (busy)
      console.log(
        "The machine was busy (load average above its core count) during some runs: TBT and the score are pessimistic; the weights are not affected.",
      );
    console.log(`Budgets: ${JSON.stringify(BUDGETS)}: ${budgetOk ? "met" : "MISSED"}`);
    console.log(
      JSON.stringify({
        benchmark: "vitals",
        runs: RUNS,
        pages: Object.fromEntries(
          results.map((r) => [
            r.name,
            {
              performance: r.vitals.performance,
              lcp_ms: r.vitals.lcp_ms,
              tbt_ms: r.vitals.tbt_ms,
              cls: r.vitals.cls,
              fcp_ms: r.vitals.fcp_ms,
              js_gz_kb: kb(r.weight.js_gz_bytes),
              js_files: r.weight.js_files,
              html_kb: kb(r.weight.html_bytes),
              html_gz_kb: kb(r.weight.html_gz_bytes),
              rsc_payload_kb: kb(r.weight.rsc_payload_bytes),
              benchmark_index: r.vitals.benchmark_index,
              load_avg_1m: r.vitals.load_avg_1m,
              problems: r.problems,
            },
          ]),
        ),
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
    console.log(JSON.stringify({ benchmark: "vitals", error: errorMessage(error).split("\n")[0], budget_ok: false }));
    process.exit(1);
  },
);
