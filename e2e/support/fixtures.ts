import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { ORIGIN } from "./env";
import { signInByMagicLink, uniqueEmail } from "./flows";

/**
 * Collects what must never happen in a browser during a test: console errors (CSP violations
 * show up here too), uncaught page errors, and any 5xx response.
 */
class BrowserProblems {
  private readonly seen: string[] = [];
  private readonly allowed: { pattern: RegExp; reason: string }[] = [];

  watch(context: BrowserContext): void {
    context.on("console", (message) => {
      if (message.type() === "error")
        this.seen.push(`console error on ${message.page()?.url() ?? "?"}: ${message.text()}`);
    });
    context.on("weberror", (error) =>
      this.seen.push(`uncaught error on ${error.page()?.url() ?? "?"}: ${error.error().message}`),
    );
    context.on("response", (response) => {
      if (response.status() >= 500)
        this.seen.push(`HTTP ${response.status()} from ${response.request().method()} ${response.url()}`);
    });
  }

  /** For a test that provokes an expected browser message; the reason is required. */
  allow(pattern: RegExp, reason: string): void {
    if (!reason) throw new Error("Say why this console error is expected");
    this.allowed.push({ pattern, reason });
  }

  unexpected(): string[] {
    return this.seen.filter((line) => !this.allowed.some(({ pattern }) => pattern.test(line)));
  }
}

export interface Holder {
  email: string;
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
}

interface TestFixtures {
  browserProblems: BrowserProblems;
  /** Another browser context (e.g. a second, signed-out visitor), watched like the main one. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
}

interface WorkerFixtures {
  /** One holder signed in once per worker, for tests that only read pages. */
  sharedHolder: Holder;
}

async function signInNewHolder(browser: Browser): Promise<Holder> {
  const context = await browser.newContext({ baseURL: ORIGIN });
  const problems = new BrowserProblems();
  problems.watch(context);
  const page: Page = await context.newPage();
  const email = uniqueEmail("shared");
  await signInByMagicLink(page, email);
  await page.waitForLoadState("networkidle");
  const storageState = await context.storageState();
  await context.close();
  expect(problems.unexpected(), "browser problems while signing in the shared holder").toEqual([]);
  return { email, storageState };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  browserProblems: [
    async ({ context }, provide) => {
      const problems = new BrowserProblems();
      problems.watch(context);
      await provide(problems);
      expect(problems.unexpected(), "console errors, page errors or 5xx responses in the browser").toEqual([]);
    },
    { auto: true },
  ],
  newContext: async ({ browser, browserProblems }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options) => {
      const context = await browser.newContext({ baseURL: ORIGIN, ...options });
      browserProblems.watch(context);
      contexts.push(context);
      return context;
    });
    for (const context of contexts) await context.close();
  },
  sharedHolder: [async ({ browser }, provide) => provide(await signInNewHolder(browser)), { scope: "worker" }],
});

/** Tests whose page and context start signed in as the worker's shared holder. */
export const signedInTest = test.extend({
  storageState: async ({ sharedHolder }, provide) => provide(sharedHolder.storageState),
});

export { expect };
