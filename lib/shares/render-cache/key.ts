import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { ShareScope } from "@/db/schema";
import { needsRecheck } from "../freshness";
import { SHARE_CREDENTIALS_MAX } from "../limits";
import { openedShare, type ShareRow, type ShareStatus } from "../resolve";
import { hashShareToken } from "../token";

export type ShareRenderKey =
  | {
      status: "ok";
      shareId: string;
      key: string;
      stale: boolean;
      /** The language the holder gave the link, or null (the page is then in each reader's). */
      locale: string | null;
    }
  | { status: Exclude<ShareStatus, "ok"> };

/** One row per credential the share names now (page order), each carrying the share row; one row with nulls when it names none. */
interface KeyRow extends Record<string, unknown> {
  id: string;
  holder_id: string;
  scope: ShareScope;
  collection_id: string | null;
  headline: string | null;
  show_email: boolean;
  show_evidence: boolean;
  show_notes: boolean;
  locale: string | null;
  expires_at: string | Date | null;
  revoked_at: string | Date | null;
  created_at: string | Date;
  name: string | null;
  profession: string | null;
  email: string;
  credential_id: string | null;
  verdict: string | null;
  verified_at: string | Date | null;
  self_reported: boolean | null;
  holder_note: string | null;
  has_image: boolean | null;
}

const asDate = (value: string | Date | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/**
 * Runs on every view the cache answers, so it is one statement: the share and its holder (as
 * openShare reads them) and the credentials it names now, in the page's order (as resolve.ts's
 * idsInScope orders them), with what of each the page shows.
 */
function keyQuery(token: string) {
  return sql`
    select s.id, s.holder_id, s.scope, s.collection_id, s.headline, s.show_email, s.show_evidence, s.show_notes,
           s.locale, s.expires_at, s.revoked_at, s.created_at, u.name, u.profession, u.email,
           c.id as credential_id, c.verdict, c.verified_at, c.self_reported, c.holder_note, c.has_image
    from shares s
    join users u on u.id = s.holder_id
    left join lateral (
      select c.id, c.verdict, c.verified_at, c.self_reported, c.holder_note,
             exists (select 1 from credential_images i where i.credential_id = c.id) as has_image
      from credentials c
      left join share_credentials sc on sc.share_id = s.id and sc.holder_id = s.holder_id and sc.credential_id = c.id
      where c.holder_id = s.holder_id
        and s.revoked_at is null
        and case s.scope
              when 'profile' then true
              when 'collection' then exists (select 1 from collection_items ci where ci.collection_id = s.collection_id and ci.holder_id = s.holder_id and ci.credential_id = c.id)
              else sc.credential_id is not null
            end
      order by case when s.scope in ('profile', 'collection') then null else sc.position end asc nulls last,
               c.issued_at desc nulls last, lower(c.title) asc, c.id asc
      -- One more than the page shows: the page says when it is cut, so the key must see that too.
      limit ${SHARE_CREDENTIALS_MAX + 1}
    ) c on true
    where s.token_hash = ${hashShareToken(token)}`;
}

/**
 * A digest of everything the share page shows that can change: the share's settings (any edit
 * moves what is read here), what it shows of the holder, the credentials it names now in page
 * order (a collection edit or a deleted credential changes the list), and each one's
 * verification, note and image. A cached render is served only under the same digest, so an
 * edited scope or a revoked or re-checked credential never shows from cache. `stale` says a
 * credential is due for its live re-check: the page must render (and re-verify) rather than be
 * served from cache.
 */
export async function shareRenderKey(
  db: Database,
  token: string,
  now: Date,
  maxAgeMinutes: number,
): Promise<ShareRenderKey> {
  const { rows } = await db.execute<KeyRow>(keyQuery(token));
  const first = rows[0];
  if (!first) return { status: "not-found" };
  const share: ShareRow = {
    id: first.id,
    holderId: first.holder_id,
    scope: first.scope,
    collectionId: first.collection_id,
    headline: first.headline,
    showEmail: first.show_email,
    showEvidence: first.show_evidence,
    showNotes: first.show_notes,
    expiresAt: asDate(first.expires_at),
    revokedAt: asDate(first.revoked_at),
    createdAt: asDate(first.created_at)!,
    name: first.name,
    profession: first.profession,
    email: first.email,
  };
  const open = openedShare(share, now);
  if ("status" in open) return open;
  const digest = createHash("sha256").update(JSON.stringify([open.share, open.holder]));
  let stale = false;
  for (const row of rows) {
    if (row.credential_id === null) continue;
    const verifiedAt = asDate(row.verified_at);
    digest.update(
      JSON.stringify([
        row.credential_id,
        row.verdict,
        verifiedAt?.getTime() ?? null,
        open.share.showNotes ? row.holder_note : null,
        row.has_image,
      ]),
    );
    if (needsRecheck({ selfReported: row.self_reported === true, verifiedAt }, now, maxAgeMinutes)) stale = true;
  }
  return { status: "ok", shareId: open.share.id, key: digest.digest("base64url"), stale, locale: first.locale };
}
