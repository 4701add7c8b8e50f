import { compactVerify, decodeJwt, importSPKI } from "jose";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDocumentLoader } from "@/lib/verification/document-loader";
import {
  DEFAULT_MIX,
  issueMany,
  loadOrIssueMany,
  MIXED_FORMATS,
  schedule,
  type IssuedCorpus,
  type MixedFormat,
} from "./issue-many";
import { verifyEmbedded, verifyJades, verifyVcJwt } from "@/testkit/verification/reference-verify";

const NOW = "2026-03-02T09:00:00Z";
// TESSERA_ISSUE_BENCH=1000 times the full 1,000-credential run; the default keeps the suite quick.
const BENCH_COUNT = Number(process.env.TESSERA_ISSUE_BENCH ?? 100);

async function verifyItem(corpus: IssuedCorpus, format: MixedFormat, content: string): Promise<boolean> {
  const documentLoader = createDocumentLoader({ resolveDidWeb: async (did) => corpus.didDocuments[did] });
  if (format.startsWith("ob3-jwt")) return !!(await verifyVcJwt(content, { documentLoader, now: NOW }));
  if (format === "ob2-signed") {
    const creator = String((decodeJwt(content).verification as { creator: string }).creator);
    const key = await importSPKI(String((corpus.documents[creator] as { publicKeyPem: string }).publicKeyPem), "RS256");
    return !!(await compactVerify(content, key, { algorithms: ["RS256"] }));
  }
  const json = JSON.parse(content) as Record<string, unknown>;
  if (format === "ob2-hosted") return JSON.stringify(corpus.documents[String(json.id)]) === content;
  if (format === "edc-jades") return !!(await verifyJades(json as never));
  return (await verifyEmbedded(json, { documentLoader, now: NOW })).verified;
}

describe("schedule", () => {
  it("is proportional, exact in total, interleaved and deterministic", () => {
    const formats = schedule(1000, DEFAULT_MIX);
    expect(formats).toHaveLength(1000);
    expect(formats.filter((f) => f === "ob3-eddsa")).toHaveLength(300);
    expect(formats.filter((f) => f === "clr2")).toHaveLength(20);
    expect(formats.slice(0, 20).filter((f) => f === "ob3-eddsa").length).toBeGreaterThan(3);
    expect(schedule(1000, DEFAULT_MIX)).toEqual(formats);
    expect(new Set(schedule(40, DEFAULT_MIX))).toEqual(new Set(MIXED_FORMATS));
    expect(schedule(3, { "ob2-hosted": 1 })).toEqual(["ob2-hosted", "ob2-hosted", "ob2-hosted"]);
  });
});

describe("issueMany", () => {
  it(
    `issues ${BENCH_COUNT} mixed credentials, every one verifiable by the reference pipeline`,
    { timeout: 600_000 },
    async () => {
      const started = performance.now();
      const corpus = await issueMany({ count: BENCH_COUNT, now: NOW });
      const elapsed = performance.now() - started;
      expect(corpus.items).toHaveLength(BENCH_COUNT);
      const perFormat = new Map<MixedFormat, number>();
      for (const item of corpus.items) perFormat.set(item.format, (perFormat.get(item.format) ?? 0) + 1);
      console.log(
        `[issue-bench] ${BENCH_COUNT} mixed credentials in ${(elapsed / 1000).toFixed(1)} s ` +
          `(≈ ${(((elapsed / BENCH_COUNT) * 1000) / 1000).toFixed(1)} s per 1,000; keys and seal certificate included); ` +
          `mix ${JSON.stringify(Object.fromEntries(perFormat))}`,
      );
      const failures: string[] = [];
      for (const { index, format, content } of corpus.items) {
        const ok = await verifyItem(corpus, format, content).catch(() => false);
        if (!ok) failures.push(`${index}:${format}`);
      }
      expect(failures).toEqual([]);
      expect(new Set(corpus.items.map((i) => i.content)).size).toBe(BENCH_COUNT);
    },
  );

  it("loadOrIssueMany caches by options and re-issues when they change", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "tessera-issue-"));
    try {
      const file = join(dir, "corpus.json");
      const options = { count: 4, now: NOW, mix: { "ob3-jwt-eddsa": 1, "ob2-hosted": 1 } };
      const first = await loadOrIssueMany(file, options);
      const again = await loadOrIssueMany(file, options);
      expect(again).toEqual(first);
      const other = await loadOrIssueMany(file, { ...options, count: 2 });
      expect(other.items).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
