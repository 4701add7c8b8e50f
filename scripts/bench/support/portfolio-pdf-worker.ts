import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import type { Portfolio } from "@/lib/portfolio/model";
import { renderPortfolioPdf } from "@/lib/portfolio/pdf/render";

/** The PDF half of timePortfolioPdf, in a thread with React's full build (see portfolio-pdf.ts). */
parentPort!.on("message", async ({ id, portfolio, origin }: { id: number; portfolio: Portfolio; origin: string }) => {
  try {
    const started = performance.now();
    const bytes = await renderPortfolioPdf(portfolio, origin);
    parentPort!.postMessage({ id, bytes: new Uint8Array(bytes), ms: performance.now() - started });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
