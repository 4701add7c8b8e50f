import { performance } from "node:perf_hooks";

/** The HTML without its scripts: a card must be rendered, not only present in the RSC payload (as it is when SSR fails and React falls back to client rendering). */
export const rendered = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");

/** Text as React escapes it in HTML, to look for it in a rendered page. */
export const htmlText = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

/** What a share page must show: the holder's name, the headline and the cards' titles in order. */
export interface ExpectedSharePage {
  holderName: string;
  headline: string;
  titles: string[];
}

/** One GET as a visitor's browser would make it: 200, the holder's name, the headline and the titles in order. */
export async function checkPage(url: string, expected: ExpectedSharePage): Promise<{ bytes: number; ms: number }> {
  const { holderName, headline, titles } = expected;
  const started = performance.now();
  // Plain fetch on purpose: the server under test is on loopback, which lib/net's guarded fetcher refuses by design.
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${new URL(url).pathname.slice(0, 12)}…: status ${response.status}`);
  const html = rendered(body);
  const problems: string[] = [];
  if (!html.includes(htmlText(holderName))) problems.push("the holder's name is not rendered");
  if (!html.includes(htmlText(headline))) problems.push("the headline is not rendered");
  let at = 0;
  for (const title of titles) {
    const found = html.indexOf(htmlText(title), at);
    if (found < 0) {
      problems.push(`the card "${title}" is not rendered (in order)`);
      break;
    }
    at = found + title.length;
  }
  const cards = html.match(/<article\b/g)?.length ?? 0;
  if (cards !== titles.length) problems.push(`${cards} cards rendered, expected ${titles.length}`);
  if (problems.length > 0) throw new Error(`The share page is not what was shared: ${problems.join("; ")}`);
  return { bytes: Buffer.byteLength(body), ms };
}
