/** Paths that belong to a signed-in holder; the proxy sends visitors without a session to sign in. */
export const HOLDER_ROUTE_PREFIXES = [
  "/wallet",
  "/credentials",
  "/import",
  "/pathways",
  "/shares",
  "/portfolio",
  "/settings",
  "/renewal",
  "/cpd",
] as const;

export function isHolderRoute(pathname: string): boolean {
  return HOLDER_ROUTE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export const SESSION_COOKIE_NAMES = ["tessera.session", "__Host-tessera.session"] as const;
