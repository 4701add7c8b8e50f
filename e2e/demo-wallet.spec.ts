import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_HOLDER } from "../db/seed";
import { DELIRIUM, INFECTION_PREVENTION, SAFE_MEDICATION, SEPSIS, TRACHEOSTOMY } from "../db/seed-demo-content";
import { expect, test } from "./support/fixtures";
import { signInAsExisting } from "./support/wallet";

/**
 * The demo wallet a newcomer meets (db/seed-demo-*.ts): what it holds, that its summary counts
 * hours the credentials themselves state, and screenshots of it at a phone's and a laptop's width,
 * saved with the test reports (.data/reports/screenshots/) for reviewers and the closing note.
 */
const SCREENSHOTS = path.resolve(import.meta.dirname, "..", ".data", "reports", "screenshots");

const cards = (page: Page) => page.getByRole("list", { name: "Credentials" });
const checks = (page: Page) => page.getByRole("list", { name: "Verification checks" });

/** The number a summary tile shows above its label. */
async function summaryFigure(page: Page, label: string): Promise<string> {
  const tile = page.getByRole("region", { name: "Summary" }).getByRole("listitem").filter({ hasText: label });
  return (await tile.locator("span").first().innerText()).trim();
}

async function openCredential(page: Page, title: string): Promise<void> {
  await page.goto(`/wallet?q=${encodeURIComponent(title)}`);
  await cards(page).getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test.describe("the demo wallet", () => {
  test.setTimeout(90_000);

  test("holds a coherent mix of formats and states, counts stated hours, and is photographed at 390 and 1280 px", async ({
    page,
    context,
  }) => {
    await signInAsExisting(context, DEMO_HOLDER.email);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/wallet");

    // Hours and ECTS from the European Digital Credentials' own fields: 30 h + 30 h, 1 + 1 ECTS.
    expect(Number((await summaryFigure(page, "Learning hours")).replace(/,/g, ""))).toBeGreaterThanOrEqual(60);
    expect(await summaryFigure(page, "ECTS")).toBe("2");

    for (const title of [
      SEPSIS.name,
      SAFE_MEDICATION.name,
      INFECTION_PREVENTION.name,
      DELIRIUM.name,
      TRACHEOSTOMY.name,
      "Immediate Life Support (ILS)",
      "Northbridge School of Nursing: Critical Care Nursing Foundations",
    ])
      await expect(cards(page).getByRole("link", { name: title, exact: true })).toBeVisible();

    // Each badge shows its own generated artwork, not one shared picture.
    const images = cards(page).locator("img");
    await expect.poll(() => images.count()).toBeGreaterThanOrEqual(8);
    const sources = await images.evaluateAll((all) => all.map((img) => (img as HTMLImageElement).src));
    expect(new Set(sources).size).toBe(sources.length);

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "wallet-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(cards(page).getByRole("link", { name: SEPSIS.name, exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, "wallet-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Issued to her university address, which she has confirmed: hers, and verified.
    await openCredential(page, DELIRIUM.name);
    await expect(checks(page)).toContainText("Recipient: Passed");
    await expect(page.getByRole("main")).toContainText("30");

    // The states the demo shows on purpose.
    await openCredential(page, "Arterial Blood Gas Interpretation");
    await expect(checks(page)).toContainText(/revoked/i);
    await openCredential(page, "Moving and Handling of Patients");
    await expect(checks(page)).toContainText(/expired/i);
    await openCredential(page, "NEWS2 Observations Refresher");
    await expect(page.getByRole("button", { name: "Add this address" })).toBeVisible();
    await openCredential(page, "Immediate Life Support (ILS)");
    await expect(page.getByRole("main")).toContainText(/self-reported/i);
    await expect(page.getByRole("main")).toContainText("ils-certificate.png");
  });
});
