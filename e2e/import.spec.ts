import { test, expect } from "./support/fixtures";
import { signInByMagicLink, uniqueEmail } from "./support/flows";
import { badgeJson, badgeJwt, bakedPng, plainPng, svgWithScript, unsignedJwt, zipOf } from "./support/credentials";
import fs from "node:fs/promises";
import type { Page } from "@playwright/test";

// The upload and paste cards each show the report of their own latest import.
const uploads = (page: Page) => page.getByRole("region", { name: "Upload files" });
const pastes = (page: Page) => page.getByRole("region", { name: "Paste or link" });
const report = (page: Page, from: "upload" | "paste" = "upload") =>
  (from === "upload" ? uploads(page) : pastes(page)).getByRole("list", { name: "Import report" });
const summary = (page: Page, text: string, from: "upload" | "paste" = "upload") =>
  (from === "upload" ? uploads(page) : pastes(page)).getByRole("status").filter({ hasText: text });

async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByLabel("Choose files").setInputFiles(files);
}

async function paste(page: Page, text: string) {
  await page.getByLabel("Credential JSON, token or link").fill(text);
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

test.describe("importing credentials", () => {
  test.setTimeout(120_000);
  // Each journey gets its own holder, so wallet counts are exact.
  test.beforeEach(async ({ page }) => {
    await signInByMagicLink(page, uniqueEmail("import"));
  });

  test("a baked PNG, a JSON file, a pasted JWT and a 50-file zip land in the wallet", async ({ page }) => {
    await page.goto("/import");
    await upload(page, [
      { name: "sepsis.png", mimeType: "image/png", buffer: await bakedPng("Sepsis Recognition Badge") },
    ]);
    await expect(summary(page, "1 imported")).toBeVisible();

    await upload(page, [
      {
        name: "handover.json",
        mimeType: "application/json",
        buffer: await badgeJson("SBAR Handover Micro-credential"),
      },
    ]);
    await expect(report(page)).toContainText("SBAR Handover Micro-credential");

    await paste(page, await badgeJwt("Medication Safety Badge"));
    await expect(report(page, "paste")).toContainText("Medication Safety Badge");

    const files = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => ({
        name: `module-${i + 1}.json`,
        bytes: await badgeJson(`Ward Module ${i + 1}`),
      })),
    );
    await upload(page, [{ name: "modules.zip", mimeType: "application/zip", buffer: await zipOf(files) }]);
    const progress = uploads(page).getByRole("progressbar");
    await expect(progress).toBeVisible();
    await expect(uploads(page).getByText("50 of 50 processed")).toBeVisible({ timeout: 60_000 });
    await expect(progress).toHaveAttribute("value", "50");
    await expect(summary(page, "50 imported")).toBeVisible();

    await uploads(page).getByRole("link", { name: "Go to your wallet" }).click();
    await expect(page).toHaveURL(/\/wallet$/);
    const list = page.getByRole("list", { name: "Credentials" });
    await expect(page.getByRole("status").filter({ hasText: "53 credentials" })).toBeVisible();
    for (const title of [
      "Sepsis Recognition Badge",
      "SBAR Handover Micro-credential",
      "Medication Safety Badge",
      "Ward Module 1",
      "Ward Module 50",
    ]) {
      await page.getByLabel("Search your wallet").fill(title);
      await expect(list.getByRole("heading", { name: title, exact: true })).toBeVisible();
    }
  });

  test("duplicates and bad input are refused with their reason, and nothing is added", async ({ page }) => {
    const json = await badgeJson("Falls Prevention Badge");
    await page.goto("/import");
    await upload(page, [{ name: "falls.json", mimeType: "application/json", buffer: json }]);
    await expect(summary(page, "1 imported")).toBeVisible();

    await upload(page, [{ name: "falls-again.json", mimeType: "application/json", buffer: json }]);
    await expect(report(page)).toContainText("Already in your wallet");

    const bad = [
      {
        name: "notes.json",
        mimeType: "application/json",
        buffer: Buffer.from('{"shift": "night", "ward": 7}'),
        reason: /not a credential|recognise/i,
      },
      {
        name: "cut.json",
        mimeType: "application/json",
        buffer: Buffer.from('{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ['),
        reason: /ends before/i,
      },
      { name: "photo.png", mimeType: "image/png", buffer: await plainPng(), reason: /no badge/i },
      { name: "script.svg", mimeType: "image/svg+xml", buffer: await svgWithScript("Script Badge"), reason: /script/i },
      {
        name: "bomb.zip",
        mimeType: "application/zip",
        buffer: Buffer.from("PK\u0003\u0004 broken archive"),
        reason: /archive|zip/i,
      },
    ];
    for (const input of bad) {
      await upload(page, [input]);
      await expect(report(page)).toContainText(input.reason);
      await expect(summary(page, "0 imported")).toBeVisible();
    }

    await paste(page, unsignedJwt());
    await expect(report(page, "paste")).toContainText(/unsigned|alg/i);
    await paste(page, "https://127.0.0.1/badge.json");
    await expect(report(page, "paste")).toContainText(/private|inside|not fetch/i);
    await paste(page, "https://169.254.169.254/latest/meta-data/");
    await expect(report(page, "paste")).toContainText(/private|inside|not fetch/i);

    const huge = test.info().outputPath("scan.json");
    await fs.writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 32));
    await page.getByLabel("Choose files").setInputFiles(huge);
    await expect(uploads(page).getByRole("alert")).toContainText("50 MB");

    await page.goto("/wallet");
    await expect(page.getByRole("list", { name: "Credentials" }).getByRole("listitem")).toHaveCount(1);
  });

  test("a paper certificate is added as self-reported, never verified", async ({ page }) => {
    await page.goto("/import");
    await page.getByLabel("Title").fill("Manual Handling Refresher");
    await page.getByLabel("Issued by").fill("St Anne's Hospital Training Team");
    await page.getByLabel("Date completed").fill("2026-02-14");
    await page.getByLabel("Learning hours (optional)").fill("3");
    await page.getByLabel(/Certificate file/).setInputFiles({
      name: "certificate.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Add to wallet" }).click();
    await expect(page.getByText("Added as self-reported")).toBeVisible();
    await page.goto("/wallet");
    const card = page.getByRole("listitem").filter({ hasText: "Manual Handling Refresher" });
    await expect(card.getByText("Self-reported, not verified")).toBeVisible();
  });
});
