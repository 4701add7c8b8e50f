import { defineConfig, devices } from "@playwright/test";
import { register } from "node:module";

register("./e2e/support/server-only-hooks.mjs", import.meta.url);

/** E2E_PORT lets two checkouts on one machine run their end-to-end suites side by side. */
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PORT = PORT;
export const E2E_ORIGIN = `http://localhost:${PORT}`;
/**
 * The loopback OpenID4VCI test issuer the specs start (e2e/issuer-offer.spec.ts): the server may
 * reach this one port over plain http (TESSERA_TEST_LOOPBACK_ISSUER_PORT, refused unless AUTH_URL
 * is localhost). E2E_ISSUER_PORT moves it for side-by-side checkouts.
 */
export const E2E_ISSUER_PORT = Number(process.env.E2E_ISSUER_PORT ?? PORT + 1000);
export const E2E_DATA_DIR = ".data/e2e";
/** Known to the tests too: they hash magic-link tokens the way Auth.js does (sha256(token + secret)). */
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-0123";
export const E2E_SIGNIN_LIMIT_PER_EMAIL = 5;
/** Prometheus's bearer token for /api/metrics on the e2e server. */
export const E2E_METRICS_TOKEN = "e2e-metrics-e2e-metrics-e2e-metrics-0123";

/**
 * End-to-end tests run the production build (`npm run test:e2e` builds first) on a fresh
 * embedded database in .data/e2e, with Debian's Chromium: never a browser Playwright downloads.
 */
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: ".data/reports/playwright.json" }],
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
  ],
  use: {
    baseURL: E2E_ORIGIN,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && tsx scripts/with-db.ts -- "npm run -s tessera -- migrate && npm run -s tessera -- seed && tsx scripts/start/http-server.ts"`,
    url: `${E2E_ORIGIN}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      DATA_DIR: E2E_DATA_DIR,
      // What the demo issuers host, written by the seed (db/seed-demo-documents.ts), as npm run dev uses it.
      TESSERA_DOCUMENTS: `${E2E_DATA_DIR}/demo-documents/bundle.json`,
      PORT: String(PORT),
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      AUTH_URL: E2E_ORIGIN,
      AUTH_SECRET: E2E_AUTH_SECRET,
      SIGNIN_LIMIT_PER_EMAIL: String(E2E_SIGNIN_LIMIT_PER_EMAIL),
      SIGNIN_LIMIT_PER_IP: "1000",
      VERIFY_API_LIMIT_PER_MINUTE: "20",
      NEXT_TELEMETRY_DISABLED: "1",
      // e2e/support/clock.ts moves the server's clock for share-link expiry through this file.
      TESSERA_TEST_CLOCK_FILE: `${E2E_DATA_DIR}/clock-offset-ms`,
      TESSERA_TEST_LOOPBACK_ISSUER_PORT: String(E2E_ISSUER_PORT),
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
