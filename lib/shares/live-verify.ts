import "server-only";
import type { Database } from "@/db/client";
import { refreshIfStale } from "@/lib/credential-store/verify-stored";
import type { FetchLike } from "@/lib/net";
import { remember } from "@/lib/runtime/remember";
import { needsRecheck } from "./freshness";
import type { ResolveOptions, SharedCredentialCard } from "./resolve";
import { logError } from "@/lib/observability/logger";

/**
 * Live verification on view: a shared credential whose stored result is older than the app's
 * maximum age is re-checked before the page reads it (the signature comes from the proof cache;
 * dates and status are checked anew). A busy page stays fast: checks already running for a
 * credential are joined rather than repeated, a few run at once, and the page waits at most
 * `budgetMs`; checks still running finish in the background and the page shows the stored
 * result with the time it was made, never "verified" for something not checked.
 */

export interface LiveVerifyOptions {
  maxAgeMinutes: number;
  fetch: FetchLike;
  now: Date;
  budgetMs?: number;
  concurrency?: number;
  /** Re-checks one credential; the stored-verification refresh by default (tests inject a slow one). */
  recheck?: (holderId: string, credentialId: string) => Promise<boolean>;
}

/** Re-checks running in this process, by credential id, so concurrent views join one. */
function running(): Map<string, Promise<boolean>> {
  return remember("share-rechecks", () => new Map<string, Promise<boolean>>());
}

function recheckOnce(
  db: Database,
  holderId: string,
  credentialId: string,
  options: LiveVerifyOptions,
): Promise<boolean> {
  const inFlight = running();
  const existing = inFlight.get(credentialId);
  if (existing) return existing;
  const recheck =
    options.recheck ??
    ((holder: string, id: string) => refreshIfStale(db, holder, id, options.maxAgeMinutes, options.fetch));
  const check = recheck(holderId, credentialId)
    .catch((error: unknown) => {
      logError("share", "re-check failed", error);
      return false;
    })
    .finally(() => inFlight.delete(credentialId));
  inFlight.set(credentialId, check);
  return check;
}

async function recheckAll(db: Database, holderId: string, ids: string[], options: LiveVerifyOptions): Promise<boolean> {
  let next = 0;
  let any = false;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      if (await recheckOnce(db, holderId, id, options)) any = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, ids.length) }, worker));
  return any;
}

/** The `refresh` option for resolveShare / resolveSharedCredential. */
export function liveRefresh(db: Database, options: LiveVerifyOptions): NonNullable<ResolveOptions["refresh"]> {
  return async (holderId: string, cards: SharedCredentialCard[]) => {
    const stale = cards.filter((card) => needsRecheck(card, options.now, options.maxAgeMinutes)).map((card) => card.id);
    if (stale.length === 0) return false;
    const all = recheckAll(db, holderId, stale, options);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), options.budgetMs ?? 2_500);
    });
    try {
      // Past the budget some results may have been stored already: read them (true).
      return await Promise.race([all, budget]);
    } finally {
      clearTimeout(timer);
    }
  };
}
