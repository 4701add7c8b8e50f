/**
 * Holder pages whose every word comes from the catalogs. The others are still English while they
 * are converted (ADR 0031): they are marked lang="en" dir="ltr" inside a page in the reader's
 * language, so English text never runs right to left and screen readers pronounce it as English.
 * Delete this list when it holds every page.
 */
const TRANSLATED_HOLDER_ROUTES: readonly string[] = [];

export function isTranslatedPath(pathname: string): boolean {
  return TRANSLATED_HOLDER_ROUTES.some((route) => pathname === route || pathname.startsWith(`${route}/`));
}
