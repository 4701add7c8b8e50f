import { test, expect } from "./support/fixtures";
import { badgeJson, tamperedBadgeJson, zipOf } from "./support/credentials";
import { signInByMagicLink, uniqueEmail } from "./support/flows";

const checks = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "Verification checks" });

test.describe("verification", () => {
  test.setTimeout(90_000);

  test("the wallet shows each credential's verdict and the checks behind it", async ({ page }) => {
    const email = uniqueEmail("verify");
    await signInByMagicLink(page, email);
    await page.goto("/import");
    const upload = page.getByRole("region", { name: "Upload files" });
    await page.getByLabel("Choose files").setInputFiles([
      {
        name: "genuine.json",
        mimeType: "application/json",
        buffer: await badgeJson("Infection Prevention Badge", { recipientEmail: email }),
      },
      {
        name: "forged.json",
        mimeType: "application/json",
        buffer: await tamperedBadgeJson("Basic Triage Badge", "Advanced Critical Care Nano-degree", {
          recipientEmail: email,
        }),
      },
    ]);
    await expect(upload.getByRole("status").filter({ hasText: "2 imported" })).toBeVisible();

    await page.goto("/wallet");
    const genuine = page.getByRole("listitem").filter({ hasText: "Infection Prevention Badge" });
    const forged = page.getByRole("listitem").filter({ hasText: "Advanced Critical Care Nano-degree" });
    await expect(genuine.getByText("Verified", { exact: true })).toBeVisible();
    await expect(forged.getByText("Not verified", { exact: true })).toBeVisible();

    await genuine.getByRole("link", { name: "Infection Prevention Badge" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Infection Prevention Badge" })).toBeVisible();
    await expect(checks(page)).toContainText("Signature: Passed");
    await expect(checks(page)).toContainText("Issuer: Passed");
    await expect(checks(page)).toContainText("Validity dates: Passed");
    await expect(checks(page)).toContainText("Recipient: Passed");
    await expect(page.getByText(/^Checked \d/)).toBeVisible();
    await page.getByRole("button", { name: "Re-check now" }).click();
    await expect(page.getByText("Checked again just now.")).toBeVisible();

    await page.goto("/wallet");
    await forged.getByRole("link", { name: "Advanced Critical Care Nano-degree" }).click();
    await expect(checks(page)).toContainText("Signature: Failed");
    await expect(checks(page)).toContainText(/changed after it was signed/);
  });

  test("anyone can check a file on /verify without an account, and nothing is kept", async ({
    newContext,
    browserProblems,
  }) => {
    browserProblems.allow(
      /status of 422/,
      "the verify API answers 422 to input that is not a credential, and Chromium logs every non-2xx fetch",
    );
    const visitor = await (await newContext()).newPage();
    await visitor.goto("/verify");
    await expect(visitor.getByRole("heading", { level: 1, name: "Verify a credential" })).toBeVisible();

    await visitor.getByLabel("A credential file").setInputFiles({
      name: "badge.json",
      mimeType: "application/json",
      buffer: await badgeJson("Wound Care Essentials"),
    });
    const genuine = visitor.getByRole("region", { name: "Result for Wound Care Essentials" });
    await expect(genuine.getByText("Verified", { exact: true })).toBeVisible();
    await expect(genuine.getByRole("list", { name: "Verification checks" })).toContainText("Signature: Passed");

    await visitor.getByLabel("A credential file").setInputFiles({
      name: "forged.json",
      mimeType: "application/json",
      buffer: await tamperedBadgeJson("Wound Care Essentials", "Tissue Viability Lead"),
    });
    const forged = visitor.getByRole("region", { name: "Result for Tissue Viability Lead" });
    await expect(forged.getByText("Not verified", { exact: true })).toBeVisible();
    await expect(forged.getByRole("list", { name: "Verification checks" })).toContainText("Signature: Failed");

    await visitor.getByLabel("A credential file").setInputFiles({
      name: "badges.zip",
      mimeType: "application/zip",
      buffer: await zipOf([{ name: "badge.json", bytes: await badgeJson("Wound Care Essentials") }]),
    });
    await expect(visitor.getByRole("alert").filter({ hasText: "checks one credential at a time" })).toBeVisible();

    await visitor.getByLabel("Or paste JSON, a JWT, or a link").fill('{"not": "a credential"}');
    await visitor.getByRole("button", { name: "Check" }).click();
    await expect(visitor.getByRole("alert").filter({ hasText: /not a credential|recognise/i })).toBeVisible();
  });

  test("the verify API answers JSON with the verdict and each check", async ({ request }) => {
    const response = await request.post("/api/v1/verify", {
      data: { credential: JSON.parse((await badgeJson("Hand Hygiene Badge")).toString("utf8")) },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      verdict: string;
      format: string;
      checks: Array<{ id: string; status: string; reason: string }>;
      credential: { title: string };
    };
    expect(body).toMatchObject({ verdict: "verified", format: "ob3", credential: { title: "Hand Hygiene Badge" } });
    expect(body.checks.map((c) => c.id)).toEqual(expect.arrayContaining(["proof", "issuer", "validity"]));
    const bad = await request.post("/api/v1/verify", { data: { text: "hello" } });
    expect(bad.status()).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toBeTruthy();
    const archive = await request.post("/api/v1/verify", {
      multipart: {
        file: {
          name: "badges.zip",
          mimeType: "application/zip",
          buffer: await zipOf([{ name: "a.json", bytes: await badgeJson("A") }]),
        },
      },
    });
    expect(archive.status()).toBe(422);
    expect(((await archive.json()) as { error: string }).error).toMatch(
      /^This is a zip archive, not a single credential\. The verifier checks one credential at a time/,
    );
  });
});

test("the verify API limits each client and says when to come back", async ({ request }) => {
  // Runs last in this file: it spends this client's allowance for the current minute. Each call
  // claims another address (X-Forwarded-For, and our own peer-address header): with
  // TRUSTED_PROXY_HOPS=0 the built server counts only the socket's address, so they are one client.
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) {
    const forged = { "x-forwarded-for": `203.0.113.${i}`, "x-tessera-peer-address": `198.51.100.${i}` };
    statuses.push(
      (await request.post("/api/v1/verify", { data: { text: "not a credential" }, headers: forged })).status(),
    );
  }
  expect(statuses.filter((s) => s === 422).length).toBeGreaterThan(0);
  expect(statuses.at(-1)).toBe(429);
  const limited = await request.post("/api/v1/verify", { data: { text: "x" } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  const oversized = await request.post("/api/v1/verify", { data: { text: "x".repeat(11 * 1024 * 1024) } });
  expect(oversized.status()).toBe(413);
});
