/**
 * The group a request's path belongs to, for request metrics and logs. Groups, never paths: a
 * path can carry a share token (/v/tsv_…) or a holder's ids, which must not reach a log or a
 * metric label, and a label per path would grow without bound.
 */
export type RouteGroup =
  | "share"
  | "verify-api"
  | "verify-page"
  | "import"
  | "wallet-api"
  | "auth"
  | "health"
  | "metrics"
  | "static"
  | "wallet-pages"
  | "other";

const RULES: ReadonlyArray<[RegExp, RouteGroup]> = [
  [/^\/v\//, "share"],
  [/^\/api\/v1\/verify(\/|$)/, "verify-api"],
  [/^\/verify(\/|$)/, "verify-page"],
  [/^\/api\/imports(\/|$)|^\/import(\/|$)/, "import"],
  [/^\/api\/health(\/|$)/, "health"],
  [/^\/api\/metrics(\/|$)/, "metrics"],
  [/^\/api\/auth(\/|$)|^\/sign-in(\/|$)|^\/check-email(\/|$)/, "auth"],
  [/^\/api\//, "wallet-api"],
  [/^\/_next\/|^\/favicon|\.(?:css|js|png|svg|ico|woff2?)$/, "static"],
  [/^\/(wallet|credentials|pathways|renewal|shares|portfolio|settings)(\/|$)/, "wallet-pages"],
];

export function routeGroupOf(url: string | undefined): RouteGroup {
  const path = (url ?? "/").split("?")[0]!;
  for (const [pattern, group] of RULES) if (pattern.test(path)) return group;
  return "other";
}
