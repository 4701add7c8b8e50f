import type { Response } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "../playwright.config";
import { expect, signedInTest, test } from "./support/fixtures";
import { NOT_FOUND_CONSOLE_ERROR, PUBLIC_PAGES, WALLET_PAGES, type PageUnderTest } from "./support/pages";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** docs/threat-model.md C3: a nonce CSP that forbids framing and inline script, and the fixed headers. */
async function expectSecurityHeaders(response: Response, page: PageUnderTest) {
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp, `${page.path} has a CSP`).toBeTruthy();
  const policy = directives(csp!);
  const scriptSrc = policy.get("script-src") ?? [];
  const nonceSource = scriptSrc.find((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source));
  expect(nonceSource, `${page.path} script-src has a nonce: ${scriptSrc.join(" ")}`).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  // Every script the page carries holds this response's nonce, or the browser would block it.
  const nonce = nonceSource!.slice("'nonce-".length, -1);
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${page.path}: ${tag}`).toContain(`nonce="${nonce}"`);
}

test.describe("public pages", () => {
  for (const entry of PUBLIC_PAGES) {
    test(`${entry.path} renders with the security headers`, async ({ page, browserProblems }) => {
      if (entry.status === 404) browserProblems.allow(NOT_FOUND_CONSOLE_ERROR, "this page is meant to answer 404");
      const response = await page.goto(entry.path);
      expect(response!.status()).toBe(entry.status ?? 200);
      await expect(page.getByRole("heading", { name: entry.heading, level: 1 })).toBeVisible();
      await expectSecurityHeaders(response!, entry);
    });
  }

  test("the built server installed jsonld's offline default loader at start-up (ADR 0008)", async ({ request }) => {
    // The probe reads jsonld's process-wide default loader: ours, or the server is not ready.
    for (const path of ["/api/health", "/api/health/ready"]) {
      const health = await request.get(path);
      expect(health.status()).toBe(200);
      expect(await health.json()).toEqual({
        ok: true,
        checks: { database: true, migrations: true, offlineDocumentLoader: true, accepting: true },
      });
    }
    expect(await (await request.get("/api/health/live")).json()).toEqual({ ok: true });
  });

  test("every answer carries a request id; metrics answer only Prometheus's token (ADR 0032)", async ({ request }) => {
    const page = await request.get("/sign-in", { headers: { "x-request-id": "lb-0123456789abcdef" } });
    expect(page.headers()["x-request-id"]).toBe("lb-0123456789abcdef");
    expect((await request.get("/sign-in")).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await request.get("/api/metrics")).status()).toBe(401);
    const wrong = await request.get("/api/metrics", {
      headers: { authorization: "Bearer not-the-token-not-the-token-0000" },
    });
    expect(wrong.status()).toBe(401);
    const metrics = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
    expect(metrics.status()).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/tessera_http_requests_total\{[^}]*group="auth"[^}]*\} \d+/);
    expect(text).toContain("tessera_http_request_duration_seconds_bucket");
    expect(text).toMatch(/tessera_jobs_waiting\{[^}]*kind="import",status="queued"[^}]*\} \d+/);
    expect(text).toContain("tessera_jobs_oldest_age_seconds");
    expect(text).toContain("tessera_share_views_total");
    expect(text).not.toMatch(/tsv_|@example\.org/);
  });

  test("each response gets its own nonce", async ({ request }) => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await request.get("/sign-in")).headers()["content-security-policy"] ?? "")?.[1];
    const [first, second] = [await nonceOf(), await nonceOf()];
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(first).not.toBe(second);
  });

  test("an unknown address shows Page not found with status 404", async ({ page, browserProblems }) => {
    browserProblems.allow(NOT_FOUND_CONSOLE_ERROR, "this page is meant to answer 404");
    const response = await page.goto("/definitely/not/here");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Every credential you have earned, in one wallet you own.",
    );
  });

  test("the development mailbox does not exist in the production build (docs/threat-model.md A8)", async ({
    page,
    request,
    browserProblems,
  }) => {
    browserProblems.allow(NOT_FOUND_CONSOLE_ERROR, "the dev mailbox is meant to answer 404");
    const response = await page.goto("/dev/mail");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await expect(page.getByText("Development mailbox")).toHaveCount(0);
    const raw = await request.get("/dev/mail", { maxRedirects: 0 });
    expect(raw.status()).toBe(404);
    expect(await raw.text()).not.toContain(".eml");
  });
});

signedInTest.describe("wallet pages, signed in", () => {
  for (const entry of WALLET_PAGES) {
    signedInTest(`${entry.path} renders with the security headers and is never cached`, async ({ page }) => {
      const response = await page.goto(entry.path);
      expect(response!.status()).toBe(200);
      await expect(page.getByRole("heading", { name: entry.heading, level: 1 })).toBeVisible();
      await expectSecurityHeaders(response!, entry);
      expect(response!.headers()["cache-control"]).toContain("no-store");
    });
  }
});
