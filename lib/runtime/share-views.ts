import "server-only";
import { createViewBatcher } from "@/lib/shares/view-batch";
import { getDb } from "./database";
import { remember } from "./remember";
import { countShareViewMetric } from "@/lib/observability/metrics";

/**
 * Counts one view of a share page, written to the database within a second. One batcher per
 * process, shared by the proxy (kept pages) and the pages themselves, whose bundles differ.
 */
export function countShareView(shareId: string): void {
  remember("share-views", () => createViewBatcher(getDb())).count(shareId);
  countShareViewMetric();
}
