import fs from "node:fs";
import { launch } from "chrome-launcher";

/** Debian's Chromium, as the e2e tests use it (docs/architecture.md#playwright-uses-debians-chromium). */
export const CHROMIUM = "/usr/bin/chromium";

export interface HeadlessChromium {
  /** The DevTools port Lighthouse drives it through. */
  port: number;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium through chrome-launcher, the launcher Lighthouse's own CLI uses: its
 * default flags (no extensions, no background networking, no throttled background tabs) are what
 * Lighthouse's trace recording expects; Chromium started with a hand-made flag list failed with
 * NO_NAVSTART. A throwaway profile and a free port every time. --no-sandbox because the bench
 * machine runs as root, where Chromium's sandbox refuses to start.
 */
export async function startHeadlessChromium(): Promise<HeadlessChromium> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"],
    logLevel: "error",
  });
  return { port: chrome.port, close: async () => chrome.kill() };
}
