import "server-only";
import { createViewBatcher } from "@/lib/shares/view-batch";
import { getDb } from "./database";
import { remember } from "./remember";
import { onDrain } from "@/lib/observability/lifecycle";
import { countShareViewMetric } from "@/lib/observability/metrics";

/**
 * Counts one view of a share page, written to the database within a second (and at shutdown). One batcher per
 * process, shared by the proxy (kept pages) and the pages themselves, whose bundles differ.
 */
export function countShareView(shareId: string): void {
  remember("share-views", () => {
    const batcher = createViewBatcher(getDb());
    // Counts still in memory when the process stops are written, not lost.
    onDrain("share views", () => batcher.flush());
    return batcher;
  }).count(shareId);
  countShareViewMetric();
}
