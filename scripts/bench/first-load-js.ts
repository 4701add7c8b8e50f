/**
 * npm run bench:first-load-js — the JavaScript a first visit to each public page downloads, gzipped
 * (issue 20: translating Tessera may add at most 10 KB to it).
 *
 *   tsx scripts/bench/first-load-js.ts --origin=http://localhost:3200 [--save=FILE] [--compare=FILE] [--budget-kb=10]
 *
 * Against a running production build (`next build && npm start`): fetches each page's HTML, takes
 * every script it loads from /_next/ (the `<script src>` tags; the inline RSC payload is data, not
 * code), downloads each once and gzips it at level 9 as a server would. --save writes the figures;
 * --compare reads earlier ones and checks each page's growth against --budget-kb.
 */
import fs from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"];
  }),
);
const origin = args.origin ?? "http://localhost:3200";
const budgetKb = Number(args["budget-kb"] ?? 10);
const PAGES = ["/", "/sign-in", "/check-email", "/sign-in/error", "/verify", "/account-deleted", "/no-such-page"];

const sizes = new Map<string, number>();
async function gzippedSize(src: string): Promise<number> {
  const known = sizes.get(src);
  if (known !== undefined) return known;
  const response = await fetch(new URL(src, origin));
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const size = gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  sizes.set(src, size);
  return size;
}

async function firstLoad(path: string): Promise<{ scripts: number; bytes: number }> {
  const response = await fetch(new URL(path, origin), { headers: { "accept-language": "en" } });
  const html = await response.text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))].filter((s) =>
    s.startsWith("/_next/"),
  );
  let bytes = 0;
  for (const src of scripts) bytes += await gzippedSize(src);
  return { scripts: scripts.length, bytes };
}

const figures: Record<string, number> = {};
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}; ${origin}`,
);
for (const path of PAGES) {
  const { scripts, bytes } = await firstLoad(path);
  figures[path] = bytes;
  console.log(`${path.padEnd(18)} ${scripts} scripts  ${(bytes / 1024).toFixed(1)} KB gzipped`);
}
if (args.save) fs.writeFileSync(args.save, `${JSON.stringify(figures, null, 2)}\n`);
let budgetOk = true;
const growth: Record<string, number> = {};
if (args.compare) {
  const before = JSON.parse(fs.readFileSync(args.compare, "utf8")) as Record<string, number>;
  for (const path of PAGES) {
    if (before[path] === undefined) continue;
    growth[path] = Math.round(((figures[path]! - before[path]) / 1024) * 10) / 10;
    if (growth[path] > budgetKb) budgetOk = false;
    console.log(`${path.padEnd(18)} ${growth[path] >= 0 ? "+" : ""}${growth[path]} KB`);
  }
}
console.log(
  JSON.stringify({
    bench: "first-load-js",
    figures_bytes: figures,
    growth_kb: growth,
    budget_kb: budgetKb,
    budget_ok: budgetOk,
  }),
);
