import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { INTERNAL_SECRET_HEADER } from "./headers";
import { everyScriptHasNonce, nonceTemplate, type NonceTemplate } from "./nonce";
import { withoutHydration } from "./static-page";
import type { RenderedPage } from "./store";
import { logWarning } from "@/lib/observability/logger";

/**
 * The page is rendered by asking this same server for it over loopback, marked with a secret
 * only this process knows, so the proxy lets it through untouched: rendered with the placeholder
 * nonce, not counted as a view. This is the one fetch outside lib/net: it never leaves the
 * machine and goes to our own port, which the guarded fetcher refuses by design.
 */

/** Headers of the rendered response that belong to the transport or to one response only. */
const NOT_REPLAYED = new Set([
  "set-cookie",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "content-security-policy",
  "etag",
]);

export interface StoredPage extends RenderedPage {
  body: NonceTemplate;
  headers: [string, string][];
}

/**
 * The page as this server renders it with the placeholder nonce, as plain HTML without Next's
 * scripts (static-page.ts) when it can be shown without them; null when it is not a 200 HTML page
 * or a script lacks the nonce.
 */
export async function renderInternally(
  origin: string,
  pathname: string,
  secret: string,
  placeholder: string,
  { timeoutMs = 15_000, locale }: { timeoutMs?: number; locale: Locale },
): Promise<StoredPage | null> {
  const response = await fetch(`${origin}${pathname}`, {
    // The visitor's language, negotiated by the proxy, as the only language this render is asked for (lib/i18n/request.ts).
    headers: { [INTERNAL_SECRET_HEADER]: secret, accept: "text/html", "accept-language": locale },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(timeoutMs),
  });
  const contentType = response.headers.get("content-type") ?? "";
  if (response.status !== 200 || !contentType.startsWith("text/html")) {
    await response.body?.cancel();
    return null;
  }
  const headers = [...response.headers.entries()].filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase()));
  const rendered = await response.text();
  const html = withoutHydration(rendered) ?? rendered;
  if (!everyScriptHasNonce(html, placeholder)) {
    logWarning("share", "a rendered share page has a script without the render nonce: not cached");
    return null;
  }
  const body = nonceTemplate(html, placeholder);
  return { body, byteLength: body.byteLength, headers };
}
