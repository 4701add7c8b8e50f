import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { shares } from "@/db/schema";
import { logError } from "@/lib/observability/logger";

/**
 * Page views counted in memory and written in one UPDATE per share every `flushMs`: under a
 * burst of views the share row is written a few times a second instead of once per view (each
 * such write is a row lock and a WAL record on the hottest row of the page). At most the last
 * `flushMs` of counts are lost if the process dies. A revoked share is not counted, as before.
 */
export interface ViewBatcher {
  count(shareId: string, now?: Date): void;
  flush(): Promise<void>;
}

export function createViewBatcher(db: Database, { flushMs = 500 }: { flushMs?: number } = {}): ViewBatcher {
  let pending = new Map<string, { views: number; last: Date }>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function flush(): Promise<void> {
    timer = null;
    const batch = pending;
    pending = new Map();
    for (const [shareId, { views, last }] of batch) {
      await db
        .update(shares)
        .set({
          viewCount: sql`${shares.viewCount} + ${views}`,
          lastViewedAt: sql`greatest(${shares.lastViewedAt}, ${last.toISOString()}::timestamptz)`,
        })
        .where(and(eq(shares.id, shareId), sql`${shares.revokedAt} is null`))
        .catch((error: unknown) => logError("share", "views not counted", error));
    }
  }

  return {
    count(shareId, now = new Date()) {
      const entry = pending.get(shareId);
      if (entry) {
        entry.views += 1;
        if (now > entry.last) entry.last = now;
      } else {
        pending.set(shareId, { views: 1, last: now });
      }
      timer ??= setTimeout(() => void flush(), flushMs);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}
