import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentialImages, credentials } from "@/db/schema";
import { needsRecheck } from "../freshness";
import { openShare, sharedCredentialIds, type ShareStatus } from "../resolve";

export type ShareRenderKey = { status: "ok"; shareId: string; key: string; stale: boolean } | { status: Exclude<ShareStatus, "ok"> };

/**
 * A digest of everything the share page shows that can change: the share's settings (any edit
 * moves shares.updated_at), what it shows of the holder, the credentials it names now in page
 * order (a collection edit or a deleted credential changes the list), and each one's
 * verification, note and image. A cached render is served only under the same digest, so an
 * edited scope or a revoked or re-checked credential never shows from cache. `stale` says a
 * credential is due for its live re-check: the page must render (and re-verify) rather than be
 * served from cache.
 */
export async function shareRenderKey(db: Database, token: string, now: Date, maxAgeMinutes: number): Promise<ShareRenderKey> {
  const open = await openShare(db, token, now);
  if ("status" in open) return open;
  const ids = await sharedCredentialIds(db, open);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: credentials.id, verdict: credentials.verdict, verifiedAt: credentials.verifiedAt, selfReported: credentials.selfReported, note: credentials.holderNote, image: credentialImages.credentialId })
          .from(credentials)
          .leftJoin(credentialImages, eq(credentialImages.credentialId, credentials.id))
          .where(and(eq(credentials.holderId, open.holderId), inArray(credentials.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const digest = createHash("sha256").update(JSON.stringify([open.share, open.holder]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    digest.update(JSON.stringify([id, row.verdict, row.verifiedAt?.getTime() ?? null, open.share.showNotes ? row.note : null, row.image !== null]));
  }
  const stale = rows.some((row) => needsRecheck(row, now, maxAgeMinutes));
  return { status: "ok", shareId: open.share.id, key: digest.digest("base64url"), stale };
}
