import os from "node:os";
import lighthouse from "lighthouse";
import { percentile } from "./stats";

/** What bench:vitals reads from one Lighthouse run (mobile preset: Moto G Power, slow 4G, 4× CPU slowdown, simulated). */
export interface VitalsRun {
  performance: number;
  lcp_ms: number;
  tbt_ms: number;
  cls: number;
  fcp_ms: number;
  /** Lighthouse's own measure of this machine's speed at that moment (higher is faster; it falls when other work competes). */
  benchmark_index: number;
  load_avg_1m: number;
}

export type VitalsFigures = Omit<VitalsRun, "benchmark_index" | "load_avg_1m"> & {
  runs: number;
  benchmark_index: number;
  load_avg_1m: number;
};

function numeric(result: { audits: Record<string, { numericValue?: number }> }, id: string): number {
  const value = result.audits[id]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse reported no ${id}`);
  return value;
}

/** One Lighthouse navigation with the default (mobile) configuration, performance only. */
export async function lighthouseOnce(url: string, port: number, headers: Record<string, string>): Promise<VitalsRun> {
  const load = os.loadavg()[0]!;
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    ...(Object.keys(headers).length > 0 ? { extraHeaders: headers } : {}),
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${new URL(url).pathname}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (score === null || score === undefined) throw new Error("Lighthouse gave no performance score");
  return {
    performance: Math.round(score * 100),
    lcp_ms: Math.round(numeric(lhr, "largest-contentful-paint")),
    tbt_ms: Math.round(numeric(lhr, "total-blocking-time")),
    cls: Math.round(numeric(lhr, "cumulative-layout-shift") * 1000) / 1000,
    fcp_ms: Math.round(numeric(lhr, "first-contentful-paint")),
    benchmark_index: Math.round(lhr.environment.benchmarkIndex),
    load_avg_1m: Math.round(load * 100) / 100,
  };
}

/** The median of each figure over `runs` runs (one slow run on a shared machine does not decide the result). */
export async function lighthouseMedian(
  url: string,
  port: number,
  headers: Record<string, string>,
  runs: number,
): Promise<VitalsFigures> {
  const all: VitalsRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouseOnce(url, port, headers));
  const median = (pick: (run: VitalsRun) => number) =>
    percentile(
      all.map(pick).sort((a, b) => a - b),
      50,
    );
  return {
    runs,
    performance: median((r) => r.performance),
    lcp_ms: median((r) => r.lcp_ms),
    tbt_ms: median((r) => r.tbt_ms),
    cls: median((r) => r.cls),
    fcp_ms: median((r) => r.fcp_ms),
    benchmark_index: median((r) => r.benchmark_index),
    load_avg_1m: median((r) => r.load_avg_1m),
  };
}
