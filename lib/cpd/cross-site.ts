/**
 * Evidence downloads are GETs, but a cross-site page must not make the browser fetch them with
 * the holder's cookie (security.md C2): refuse another origin, and other sites (a second port on
 * 127.0.0.1 is "same-site", not "same-origin"). A typed URL ("none") or a non-browser client is fine.
 */
export function isCrossSiteRequest(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== appOrigin) return true;
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}
