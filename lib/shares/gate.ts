import "server-only";
import type { Database } from "@/db/client";
import { clientAddress } from "@/lib/auth/client-ip";
import { visitorLocale } from "@/lib/i18n/locales";
import { shareTokenFromPath } from "./paths";
import { shareStatusForToken } from "./resolve";
import { shareProblemResponse } from "./status-page";
import type { ShareViewLimiter } from "./view-limit";

/**
 * The gate in front of every /v/<token>/… request, run by the proxy before anything renders:
 * the per-client limit, then the share's status. It answers 404 / 410 / 429 itself (an App
 * Router page cannot: once it streams it is a 200, and Next has no gone() control flow); for a
 * live link it answers null and the page or route handler resolves the share again in the data
 * layer, which stays the authority (a bypassed proxy reveals nothing, docs/threat-model.md requirement 1).
 */

/** Image requests belong to a page already counted; a wrong token or id there is still a 404. */
const UNCOUNTED = /^\/c\/[^/]+\/image$/;

export interface ShareGateDeps {
  db: Database;
  limiter: ShareViewLimiter;
  trustedProxyHops: number;
}

/**
 * `limitOnly`: the caller checks the link's status itself right after (the render cache's key
 * carries it, render-cache/key.ts), so the gate spends no second lookup on it.
 */
export type ShareGate = (
  request: { method: string; headers: Headers },
  pathname: string,
  now?: Date,
  options?: { limitOnly?: boolean },
) => Promise<Response | null>;

export function createShareGate({ db, limiter, trustedProxyHops }: ShareGateDeps): ShareGate {
  return async (request, pathname, now = new Date(), { limitOnly = false } = {}) => {
    const path = shareTokenFromPath(pathname);
    if (!path) return null;
    const head = request.method === "HEAD";
    const locale = visitorLocale(request.headers);
    if (!UNCOUNTED.test(path.rest)) {
      const limit = await limiter.consume(clientAddress(request.headers, trustedProxyHops));
      if (!limit.ok)
        return shareProblemResponse("rate-limited", { retryAfterSeconds: limit.retryAfterSeconds, head, locale });
    }
    if (limitOnly) return null;
    const status = await shareStatusForToken(db, path.token, now);
    return status === "ok" ? null : shareProblemResponse(status, { head, locale });
  };
}
