import "server-only";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import type { FetchLike } from "@/lib/net";
import { verificationDepsForHolder, verifyStoredCredential } from "./verify-stored";
import { logError } from "@/lib/observability/logger";

/**
 * Re-checks the credentials whose stored result is oldest (status lists and DID documents change
 * after import), a bounded batch at a time so a large instance is refreshed gradually.
 */
export async function refreshStaleVerifications(
  db: Database,
  fetch: FetchLike,
  { maxAgeMinutes, batch = 100 }: { maxAgeMinutes: number; batch?: number },
): Promise<number> {
  const cutoff = new Date(Date.now() - maxAgeMinutes * 60_000);
  const stale = await db
    .select({ id: credentials.id, holderId: credentials.holderId })
    .from(credentials)
    .where(
      and(eq(credentials.selfReported, false), or(isNull(credentials.verifiedAt), lt(credentials.verifiedAt, cutoff))),
    )
    .orderBy(asc(credentials.verifiedAt))
    .limit(batch);
  const depsByHolder = new Map<string, Awaited<ReturnType<typeof verificationDepsForHolder>>>();
  for (const row of stale) {
    if (!depsByHolder.has(row.holderId))
      depsByHolder.set(row.holderId, await verificationDepsForHolder(db, row.holderId, fetch));
    await verifyStoredCredential(db, row.holderId, row.id, depsByHolder.get(row.holderId)!).catch((error: unknown) =>
      logError("verify", "background refresh failed", error),
    );
  }
  return stale.length;
}
