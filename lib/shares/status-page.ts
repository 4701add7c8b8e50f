import { DEFAULT_LOCALE, textDirection, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { SHARE_PROBLEM_KEYS, SHARE_PROBLEM_STATUS, SHARE_RESPONSE_HEADERS, type ShareProblem } from "./problems";

/**
 * The 404 / 410 / 429 page for share links, as a complete response. It is built before any page
 * renders (by the proxy gate, and by the /v route handlers), because a rendered App Router page
 * has committed to 200 once it streams and Next has no 410 of its own. Plain HTML with inline
 * styles and no script at all; identical for every token with the same problem and language (the
 * visitor's, lib/i18n/locales.ts visitorLocale: the gate runs before any page, so it reads the
 * language cookie and Accept-Language itself).
 */

const STYLE = `
:root{color-scheme:light dark}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5}
main{max-width:32rem;margin:0 auto;min-height:100dvh;display:flex;flex-direction:column;justify-content:center;gap:1.25rem;padding:0 1.25rem}
.brand{display:inline-flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.125rem}
h1{font-size:1.875rem;line-height:1.2;margin:0}
p{margin:0;color:#334155}
@media (prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}p{color:#cbd5e1}}
`;

const LOGO = `<svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false"><rect x="2" y="2" width="13" height="13" rx="3" fill="#0b6a5e"/><rect x="17" y="2" width="13" height="13" rx="3" fill="#5fd4bd"/><rect x="2" y="17" width="13" height="13" rx="3" fill="#5fd4bd"/><rect x="17" y="17" width="13" height="13" rx="3" fill="#f59e0b"/></svg>`;

/** The problem's title and sentence in a language (also the share page's own words for it). */
export async function shareProblemText(
  problem: ShareProblem,
  locale: Locale,
): Promise<{ title: string; body: string }> {
  const t = await translatorFor(locale);
  return { title: t(SHARE_PROBLEM_KEYS[problem].title), body: t(SHARE_PROBLEM_KEYS[problem].body) };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

async function shareProblemHtml(problem: ShareProblem, locale: Locale): Promise<string> {
  const text = await shareProblemText(problem, locale);
  const title = escapeHtml(text.title);
  const body = escapeHtml(text.body);
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${title} · Tessera</title><style>${STYLE}</style></head>
<body><main id="main"><span class="brand">${LOGO}Tessera</span><h1>${title}</h1><p>${body}</p></main></body></html>
`;
}

/** No script, no frames, no outside requests: only our own inline styles. */
export const SHARE_PROBLEM_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export async function shareProblemResponse(
  problem: ShareProblem,
  {
    retryAfterSeconds,
    head = false,
    locale = DEFAULT_LOCALE,
  }: { retryAfterSeconds?: number; head?: boolean; locale?: Locale } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    ...SHARE_RESPONSE_HEADERS,
    "content-type": "text/html; charset=utf-8",
    "content-language": locale,
    "content-security-policy": SHARE_PROBLEM_CSP,
    "x-content-type-options": "nosniff",
  };
  if (problem === "rate-limited") headers["retry-after"] = String(retryAfterSeconds ?? 60);
  return new Response(head ? null : await shareProblemHtml(problem, locale), {
    status: SHARE_PROBLEM_STATUS[problem],
    headers,
  });
}
