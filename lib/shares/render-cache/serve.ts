import "server-only";
import { serverNow } from "@/lib/clock";
import { env, loopbackOrigin } from "@/lib/env";
import { visitorLocale, type Locale } from "@/lib/i18n/locales";
import { getDb } from "@/lib/runtime/database";
import { remember } from "@/lib/runtime/remember";
import { countShareView } from "@/lib/runtime/share-views";
import { createNonce } from "@/lib/security/csp";
import { shareTokenFromPath } from "../paths";
import { applyShareHeaders } from "../problems";
import { shareProblemResponse } from "../status-page";
import { INTERNAL_SECRET_HEADER } from "./headers";
import { renderInternally, type StoredPage } from "./internal-render";
import type { ShareStatus } from "../resolve";
import { shareRenderKey } from "./key";
import { withNonce } from "./nonce";
import { RenderCache } from "./store";
import { logError } from "@/lib/observability/logger";

/**
 * Serves the share page from a render kept for at most SHARE_RENDER_CACHE_SECONDS, after the
 * proxy's gate has passed the request (rate limit, link status). A rendered page costs tens of
 * milliseconds of CPU; a recruiter's team opening the same link, or a busy job fair, would
 * otherwise render it per view. Every response still gets its own nonce, its own status check
 * and its own view count; anything the page shows changing (key.ts) makes the next view render.
 */

interface ProcessState {
  secret: string;
  placeholder: string;
  cache: RenderCache<StoredPage>;
}

/** One per process: the proxy and the pages are bundled apart, and both must see the same secret and cache. */
function state(): ProcessState {
  return remember("share-render", () => ({
    secret: createNonce(),
    placeholder: createNonce(),
    cache: new RenderCache<StoredPage>({ ttlMs: env.shareRenderCacheSeconds * 1000 }),
  }));
}

/** Whether this request is the process asking itself for a page to keep (never a visitor: the secret never leaves the process). */
export function isInternalRender(headers: Headers): boolean {
  const given = headers.get(INTERNAL_SECRET_HEADER);
  return given !== null && given === state().secret;
}

/** The nonce an internal render is made with, replaced per response. */
export function internalRenderNonce(): string {
  return state().placeholder;
}

type PageRequest = { method: string; headers: Headers; nextUrl: URL };

/** A request the proxy answers with plain HTML (static-page.ts): its link's token, and where this server renders the page. */
export interface CacheablePage {
  token: string;
  pathname: string;
  origin: string;
  /**
   * The share page itself is kept for SHARE_RENDER_CACHE_SECONDS (when not 0) and its view is
   * counted here; a credential's page is rendered for each view (it shows evidence and details the
   * render key does not cover) and counts its own view as it renders.
   */
  kind: "share" | "credential";
  keep: boolean;
  /** The visitor's request headers: its language is chosen with the link's own (visitorLocale), and the page kept once per language. */
  visitor: Headers;
}

const CREDENTIAL_PAGE = /^\/c\/[^/]+$/;

/** A plain GET of a share page or a shared credential's page (the gate then checks only the rate limit: the key carries the status). */
export function cacheablePage(request: PageRequest): CacheablePage | null {
  const path = shareTokenFromPath(request.nextUrl.pathname);
  const origin = loopbackOrigin();
  if (!path || !origin || request.method !== "GET") return null;
  if (path.rest !== "" && !CREDENTIAL_PAGE.test(path.rest)) return null;
  // Client-side navigations and prefetches ask for the RSC payload, not the HTML document.
  if (request.headers.has("rsc") || request.headers.has("next-router-state-tree") || request.nextUrl.search !== "")
    return null;
  const kind = path.rest === "" ? "share" : "credential";
  const keep = kind === "share" && env.shareRenderCacheSeconds > 0;
  return { token: path.token, pathname: request.nextUrl.pathname, origin, kind, keep, visitor: request.headers };
}

type Outcome = { page: StoredPage } | { gone: Exclude<ShareStatus, "ok"> } | null;

/** A kept render belongs to one share in one language. */
const entryId = (shareId: string, locale: Locale) => `${shareId}/${locale}`;

async function renderAndKeep(
  { origin, pathname, token }: CacheablePage,
  locale: Locale,
  s: ProcessState,
): Promise<Outcome> {
  const page = await renderInternally(origin, pathname, s.secret, s.placeholder, { locale });
  if (!page) return null;
  // Keyed as of after the render: the render may have re-verified credentials (moving the key).
  const after = await shareRenderKey(getDb(), token, serverNow(), env.verifyMaxAgeMinutes);
  if (after.status !== "ok") return { gone: after.status };
  s.cache.set(entryId(after.shareId, locale), after.key, page, Date.now());
  return { page };
}

/** A page rendered for this one view, as plain HTML, not kept. */
async function renderOnce({ origin, pathname }: CacheablePage, locale: Locale, s: ProcessState): Promise<Outcome> {
  const page = await renderInternally(origin, pathname, s.secret, s.placeholder, { locale });
  return page ? { page } : null;
}

/**
 * A complete response for a cacheable /v/<token> request, or null to let Next render it (the
 * render could not be kept — the page then counts its own view).
 */
export async function sharePageFromCache(
  page: CacheablePage,
  csp: (nonce: string) => string,
): Promise<Response | null> {
  const s = state();
  const key = await shareRenderKey(getDb(), page.token, serverNow(), env.verifyMaxAgeMinutes);
  if (key.status !== "ok") return shareProblemResponse(key.status, { locale: visitorLocale(page.visitor) });
  const locale = visitorLocale(page.visitor, key.locale);
  const id = entryId(key.shareId, locale);
  const kept = key.stale || !page.keep ? null : s.cache.get(id, key.key, Date.now());
  let outcome: Outcome;
  try {
    outcome = kept
      ? { page: kept }
      : page.keep
        ? await s.cache.shared(id, key.key, () => renderAndKeep(page, locale, s))
        : await renderOnce(page, locale, s);
  } catch (error) {
    logError("share", "render for the cache failed; rendering directly", error);
    return null;
  }
  if (!outcome) return null;
  // Revoked, expired or deleted while it rendered: the link's own answer, never the page.
  if ("gone" in outcome) return shareProblemResponse(outcome.gone, { locale });
  if (page.kind === "share") countShareView(key.shareId);
  const nonce = createNonce();
  const headers = new Headers(outcome.page.headers);
  headers.set("content-security-policy", csp(nonce));
  applyShareHeaders(headers);
  // A Buffer is a Uint8Array view; Response sends exactly its bytes (the cast only widens the buffer type TS infers).
  return new Response(withNonce(outcome.page.body, nonce) as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
