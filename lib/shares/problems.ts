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

export const SHARE_PROBLEM_TEXT: Record<ShareProblem, { title: string; body: string }> = {
  "not-found": {
    title: "This link does not work",
    body: "There is no shared page at this address. Check that you copied the whole link; if it still does not work, ask the person who sent it for a new one.",
  },
  revoked: {
    title: "This link has been turned off",
    body: "The person who shared it revoked this link, so the credentials it showed are no longer available here. Ask them for a new link if you still need to see them.",
  },
  expired: {
    title: "This link has expired",
    body: "Share links stop working on the date their owner chose. This is about the link only, not about the credentials it showed. Ask the person who sent it for a new link.",
  },
  "rate-limited": {
    title: "Too many requests",
    body: "This address has opened a lot of shared pages in a short time. Please wait a minute and try again.",
  },
};

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
