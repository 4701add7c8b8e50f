/**
 * What a visitor sees when a share link cannot be shown. None of it depends on the token or the
 * share: no holder name, no headline, nothing that tells one unknown link from another
 * (docs/threat-model.md F2, F3). Malformed and unknown links get the same "not-found".
 */
export type ShareProblem = "not-found" | "revoked" | "expired" | "rate-limited";

export const SHARE_PROBLEM_STATUS: Record<ShareProblem, 404 | 410 | 429> = {
  "not-found": 404,
  revoked: 410,
  expired: 410,
  "rate-limited": 429,
};

/** Each problem's words in the catalogs (lib/i18n/messages), said in the visitor's language. */
export const SHARE_PROBLEM_KEYS = {
  "not-found": { title: "shareProblems.notFound.title", body: "shareProblems.notFound.body" },
  revoked: { title: "shareProblems.revoked.title", body: "shareProblems.revoked.body" },
  expired: { title: "shareProblems.expired.title", body: "shareProblems.expired.body" },
  "rate-limited": { title: "shareProblems.rateLimited.title", body: "shareProblems.rateLimited.body" },
} as const satisfies Record<ShareProblem, { title: string; body: string }>;

/**
 * Headers on every /v response: never indexed, never cached, and the token never leaks in a
 * Referer (docs/threat-model.md F3, F4).
 */
export const SHARE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store, max-age=0",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex, nofollow, noarchive",
};

export function applyShareHeaders(headers: Headers): void {
  for (const [key, value] of Object.entries(SHARE_RESPONSE_HEADERS)) headers.set(key, value);
}
