import "server-only";
import { getDb } from "@/db";
import { createViewBatcher, type ViewBatcher } from "./view-batch";

// One batcher per process, shared by the proxy (cached pages) and the pages themselves (their bundles differ; globalThis does not).
const globalForViews = globalThis as unknown as { tesseraShareViews?: ViewBatcher };

export function shareViews(): ViewBatcher {
  globalForViews.tesseraShareViews ??= createViewBatcher(getDb());
  return globalForViews.tesseraShareViews;
}

/** Counts one view of a share page (written to the database within a second). */
export function countShareView(shareId: string): void {
  shareViews().count(shareId);
}
