/**
 * Route handlers are not covered by Next's server-action origin check, so state-changing ones
 * call this (security.md C2): the request must come from our own origin. Browsers always send
 * Origin on POST; Sec-Fetch-Site is the fallback signal. A missing pair means a non-browser
 * client, which is fine for the public API routes but not for these holder routes.
 */
export function isSameOriginRequest(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get("origin");
  if (origin) return origin === appOrigin;
  const site = headers.get("sec-fetch-site");
  return site === "same-origin";
}
