import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { desc, eq } from "drizzle-orm";
import * as React from "react";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import { createPortfolio } from "@/lib/portfolio/data";
import type { Portfolio } from "@/lib/portfolio/model";

/**
 * Times a 50-credential portfolio PDF for bench:portfolio (issue 8 budget: under 3 s): the
 * portfolio's share link and model from the database, then the PDF. Called once to warm up
 * (fonts, modules), then timed.
 *
 * The benchmarks run under React's "react-server" condition (for "server-only"), whose React
 * lacks what react-pdf's reconciler needs; in the app, Next loads react-pdf as an external
 * package with React's full build. So under that condition the PDF is drawn in a worker thread
 * started without it (same tsx loader), and the worker's own render time is what is counted.
 */
const BENCH_ORIGIN = "https://wallet.example.org";
const PDF_CREDENTIALS = 50;

interface Rendered {
  bytes: Uint8Array;
  ms: number;
}

type Renderer = (portfolio: Portfolio) => Promise<Rendered>;

const reactIsServerBuild = !("__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE" in React);
let renderer: Renderer | undefined;

function workerRenderer(): Renderer {
  // tsx's loader is registered from inside the thread: Node 20 does not apply --import to workers.
  const entry = new URL("./portfolio-pdf-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  // No flags from this process: above all not its --conditions=react-server.
  const worker = new Worker(boot, { eval: true, execArgv: [] });
  worker.unref();
  let next = 0;
  const pending = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>();
  worker.on("message", (message: { id: number; bytes?: Uint8Array; ms?: number; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve({ bytes: message.bytes!, ms: message.ms! });
  });
  worker.on("error", (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  return (portfolio) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.ref(); // keep the process alive until the answer comes
      worker.postMessage({ id, portfolio, origin: BENCH_ORIGIN });
    });
}

async function inProcessRenderer(): Promise<Renderer> {
  const { renderPortfolioPdf } = await import("@/lib/portfolio/pdf/render");
  return async (portfolio) => {
    const started = performance.now();
    const bytes = await renderPortfolioPdf(portfolio, BENCH_ORIGIN);
    return { bytes, ms: performance.now() - started };
  };
}

function countPages(bytes: Uint8Array): number {
  return (
    Buffer.from(bytes)
      .toString("latin1")
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
}

export async function timePortfolioPdf(
  db: Database,
  holderId: string,
): Promise<{ ms: number; bytes: number; pages: number }> {
  renderer ??= reactIsServerBuild ? workerRenderer() : await inProcessRenderer();
  const rows = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(eq(credentials.holderId, holderId))
    .orderBy(desc(credentials.createdAt))
    .limit(PDF_CREDENTIALS);
  const started = performance.now();
  const { portfolio } = await createPortfolio(
    db,
    holderId,
    {
      source: "selection",
      credentialIds: rows.map((r) => r.id),
      layout: { grouping: "pathway", profession: "Registered nurse", headline: "Benchmark portfolio" },
    },
    { origin: BENCH_ORIGIN },
  );
  const modelMs = performance.now() - started;
  const { bytes, ms: renderMs } = await renderer(portfolio);
  return { ms: Math.round(modelMs + renderMs), bytes: bytes.byteLength, pages: countPages(bytes) };
}
