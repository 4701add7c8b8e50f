import type { Page } from "@playwright/test";

/** A phone as small as anyone uses, a common phone, and a laptop. */
export const LAYOUT_WIDTHS = [320, 390, 1280] as const;

export interface Overflow {
  path: string;
  width: number;
  documentWidth: number;
  /** The innermost elements that reach past the right edge: what to fix. */
  culprits: string[];
}

/**
 * How far the document reaches past the viewport, measured as a phone user feels it: the
 * document's scroll width against the width its visible area has (scroll bars excluded).
 */
export async function measureOverflow(page: Page, path: string): Promise<Overflow | null> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const reaching = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((element) => reaching(element) && ![...element.children].some(reaching))
      // Off-screen on purpose (e.g. a skip link waiting for focus) is not an overflow.
      .filter((element) => element.getBoundingClientRect().left < width)
      .slice(0, 4)
      .map((element) => {
        const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
        const classes = typeof element.className === "string" ? element.className.slice(0, 80) : "";
        return `<${element.tagName.toLowerCase()} class="${classes}"> ${Math.round(element.getBoundingClientRect().right)} px "${text}"`;
      });
    return { width, documentWidth: root.scrollWidth, culprits };
  });
  return found ? { path, ...found } : null;
}

const NOT_CRAWLED = [/^\/api\//, /^\/v\//, /^\/sign-in/, /^\/dev\//, /^\/portfolio\/print/];

/** Same-origin page links in the main content and navigation, as paths (with their query). */
export async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .filter((a) => a.origin === window.location.origin && !a.hasAttribute("download"))
      .map((a) => a.pathname + a.search),
  );
  return hrefs.filter((href) => !NOT_CRAWLED.some((pattern) => pattern.test(href)));
}
