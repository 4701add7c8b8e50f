import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/csp";
import { isHolderRoute, SESSION_COOKIE_NAMES } from "@/lib/security/routes";
import { isSharePath } from "@/lib/shares/paths";
import { applyShareHeaders } from "@/lib/shares/problems";
import { INTERNAL_RENDER_HEADER, INTERNAL_SECRET_HEADER } from "@/lib/shares/render-cache/headers";

/**
 * Runs before every page: a fresh CSP nonce per request, and a quick redirect to sign-in for
 * holder pages requested without a session cookie. The redirect is only for the user's
 * convenience: every page, action and route re-checks the session in the data layer
 * (docs/threat-model.md requirement 1), so a bypassed proxy reveals nothing.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // NODE_ENV is inlined by Next at build time; lib/env.ts is not edge-safe.
  // eslint-disable-next-line no-restricted-properties
  const dev = process.env.NODE_ENV !== "production";
  const cspFor = (nonce: string) =>
    buildContentSecurityPolicy(nonce, { dev, https: request.nextUrl.protocol === "https:" });
  let internalRenderNonce: string | null = null;
  if (isSharePath(pathname)) {
    // Share links answer 404 / 410 / 429 here, before a page streams (lib/shares/gate.ts), and a
    // busy page is served from a render kept for seconds (lib/shares/render-cache). Loaded only
    // for /v paths: both read the database (Next 16 runs the proxy on Node.js, in-process).
    const share = await import("@/lib/runtime/share-gate");
    if (share.isInternalRender(request.headers)) {
      internalRenderNonce = share.internalRenderNonce();
    } else {
      const cacheable = share.cacheablePage(request);
      const refused = await share.gateShareRequest(request, pathname, undefined, { limitOnly: cacheable !== null });
      if (refused) return refused;
      if (cacheable) {
        const cached = await share.sharePageFromCache(cacheable, cspFor);
        // Not kept (the cache could not render it): Next renders it, and the page checks the link itself.
        if (cached) return cached;
      }
    }
  }
  const hasSessionCookie = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (isHolderRoute(pathname) && !hasSessionCookie) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.search = "";
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = internalRenderNonce ?? createNonce();
  const csp = cspFor(nonce);
  const requestHeaders = new Headers(request.headers);
  // Only the proxy says a render is internal: a visitor's own copy of these headers is dropped.
  requestHeaders.delete(INTERNAL_RENDER_HEADER);
  requestHeaders.delete(INTERNAL_SECRET_HEADER);
  if (internalRenderNonce) requestHeaders.set(INTERNAL_RENDER_HEADER, "1");
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (isHolderRoute(pathname)) response.headers.set("cache-control", "private, no-store");
  if (isSharePath(pathname)) applyShareHeaders(response.headers);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
