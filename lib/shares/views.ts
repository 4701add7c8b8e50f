import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { shares } from "@/db/schema";

/**
 * Counts one page view. No client address or other visitor data is kept: the holder sees how
 * often and when, never who (security.md F4).
 */
export async function recordView(db: Database, shareId: string, now: Date = new Date()): Promise<void> {
  await db
    .update(shares)
    .set({ viewCount: sql`${shares.viewCount} + 1`, lastViewedAt: now })
    .where(and(eq(shares.id, shareId), sql`${shares.revokedAt} is null`));
}

