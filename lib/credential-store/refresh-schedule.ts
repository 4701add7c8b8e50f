import "server-only";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { serverFetch } from "@/lib/import/deps";
import { refreshStaleVerifications } from "./refresh-stale";

const globalForTimer = globalThis as unknown as { tesseraRefreshTimer?: NodeJS.Timeout };

/** Every quarter of the configured age, re-check a batch of the stalest results. */
export function startVerificationRefresh(): void {
  if (globalForTimer.tesseraRefreshTimer) return;
  const everyMs = Math.max(60_000, (env.verifyMaxAgeMinutes * 60_000) / 4);
  let running = false;
  globalForTimer.tesseraRefreshTimer = setInterval(() => {
    if (running) return;
    running = true;
    refreshStaleVerifications(getDb(), serverFetch(), { maxAgeMinutes: env.verifyMaxAgeMinutes })
      .catch((error: unknown) => console.error("[verify] refresh schedule:", error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  globalForTimer.tesseraRefreshTimer.unref();
}
