/**
 * Route handlers are not covered by Next's server-action origin check, so state-changing ones
 * call this (docs/threat-model.md C2): the request must come from our own origin. Browsers always send
 * Origin on POST; Sec-Fetch-Site is the fallback signal. A missing pair means a non-browser
 * client, which is fine for the public API routes but not for these holder routes.
 */
export function isSameOriginRequest(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get("origin");
  // A form on one of our pages with Referrer-Policy: no-referrer (the share pages, docs/threat-model.md
  // F4) is sent with "Origin: null"; the browser's own Sec-Fetch-Site, which no page can set, decides.
  if (origin === "null") return headers.get("sec-fetch-site") === "same-origin";
  if (origin) return origin === appOrigin;
  const site = headers.get("sec-fetch-site");
  return site === "same-origin";
}

/**
 * Holder downloads are GETs, but a cross-site page must not make the browser fetch them with
 * the holder's cookie (docs/threat-model.md C2): refuse another origin, and other sites (a second port on
 * 127.0.0.1 is "same-site", not "same-origin"). A typed URL ("none") or a non-browser client is fine.
 */
export function isCrossSiteRequest(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== appOrigin) return true;
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}
