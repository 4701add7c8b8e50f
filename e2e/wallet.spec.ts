import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { daysFromNow, SAMPLE_WALLET, seedCredentials, seedHolder } from "./support/wallet";

const VIEWPORTS = [
  { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;

const cards = (page: Page) => page.getByRole("list", { name: "Credentials" });
const cardTitles = (page: Page) => cards(page).getByRole("heading").allInnerTexts();
const results = (page: Page) =>
  page.getByRole("status").filter({ hasText: /^(\d[\d,]* credentials?( match)?|Searching…)$/ });

async function openFilters(page: Page) {
  const summary = page.getByText(/^Filters and sort/);
  if ((await page.locator("details:has(#filter-kind)").getAttribute("open")) === null) await summary.click();
}

for (const { name, use } of VIEWPORTS) {
  test.describe(`the wallet on ${name}`, () => {
    test.use(use);

    test("summarises, searches as you type, filters and sorts, with the view in the URL", async ({ page, context }) => {
      const holder = await seedHolder(context);
      await seedCredentials(holder.id, SAMPLE_WALLET);
      await page.goto("/wallet");
      await expect(page.getByRole("heading", { name: "Aoife's wallet", level: 1 })).toBeVisible();

      const summary = page.getByRole("region", { name: "Summary" });
      await expect(summary.getByRole("link", { name: /^4\s*Badges/ })).toBeVisible();
      await expect(summary.getByText("Learning hours (current)")).toBeVisible();
      // 4 + 6 + 125 + 3 hours are current; the expired ALS's 16 hours no longer count.
      await expect(summary.getByRole("listitem").filter({ hasText: "Learning hours" })).toContainText("138");
      await expect(results(page)).toHaveText("6 credentials");

      // Expiring soon is listed above everything; the expired one is marked on its card.
      const expiring = page.getByRole("region", { name: "Expiring within 90 days" });
      await expect(expiring.getByRole("link", { name: "Basic Life Support" })).toBeVisible();
      await expect(expiring).toContainText(/Expires in (29|30) days/);
      await expect(cards(page).getByRole("listitem").filter({ hasText: "Advanced Life Support" })).toContainText(
        "Expired",
      );

      await page.getByLabel("Search your wallet").fill("life sup");
      await expect(results(page)).toHaveText("2 credentials match");
      expect((await cardTitles(page)).sort()).toEqual(["Advanced Life Support", "Basic Life Support"]);
      await expect(page).toHaveURL(/\/wallet\?q=life\+sup$/);

      // A learning outcome and a skill are searched too.
      await page.getByLabel("Search your wallet").fill("sepsis six");
      await expect(results(page)).toHaveText("1 credential match");
      await page.getByLabel("Search your wallet").fill("clinical coding");
      await expect(results(page)).toHaveText("1 credential match");

      await page.getByLabel("Search your wallet").fill("");
      await openFilters(page);
      await page.getByLabel("Kind").selectOption("micro-credential");
      await expect(results(page)).toHaveText("1 credential match");
      await expect(cards(page).getByRole("heading")).toHaveText(["ICD-11 Clinical Coding"]);

      await page.getByLabel("Kind").selectOption("");
      await page.getByLabel("Issuer").selectOption("Resuscitation Academy");
      await page.getByLabel("Expiry").selectOption("expiring");
      await expect(cards(page).getByRole("heading")).toHaveText(["Basic Life Support"]);
      await expect(page).toHaveURL(/issuer=Resuscitation\+Academy&validity=expiring/);

      // The view is bookmarkable: a reload shows the same filtered list.
      await page.reload();
      await expect(cards(page).getByRole("heading")).toHaveText(["Basic Life Support"]);
      await expect(page.getByLabel("Issuer")).toHaveValue("Resuscitation Academy");

      await page.getByRole("button", { name: "Clear filters" }).click();
      await expect(results(page)).toHaveText("6 credentials");
      await openFilters(page);
      await page.getByLabel("Verification").selectOption("self-reported");
      await expect(cards(page).getByRole("heading")).toHaveText(["Manual Handling"]);
      await page.getByLabel("Verification").selectOption("");

      await page.getByLabel("Sort").selectOption("title");
      await expect(cards(page).getByRole("heading")).toHaveText([
        "Advanced Life Support",
        "Basic Life Support",
        "Health Informatics Nano-degree",
        "ICD-11 Clinical Coding",
        "Manual Handling",
        "Sepsis Recognition",
      ]);
      await page.getByLabel("Sort").selectOption("expiring");
      expect((await cardTitles(page)).slice(0, 2)).toEqual(["Advanced Life Support", "Basic Life Support"]);
    });

    test("pages through a long wallet without script-only links", async ({ page, context }) => {
      const holder = await seedHolder(context);
      await seedCredentials(
        holder.id,
        Array.from({ length: 30 }, (_, i) => ({
          title: `Ward Module ${String(i + 1).padStart(2, "0")}`,
          issued: `2026-01-${String(i + 1).padStart(2, "0")}`,
        })),
      );
      await page.goto("/wallet");
      await expect(cards(page).getByRole("listitem")).toHaveCount(24);
      await expect(cards(page).getByRole("heading").first()).toHaveText("Ward Module 30");
      const pages = page.getByRole("navigation", { name: "Pages" });
      await expect(pages).toContainText("Page 1 of 2");
      await pages.getByRole("link", { name: "Next" }).click();
      await expect(cards(page).getByRole("listitem")).toHaveCount(6);
      await expect(page).toHaveURL(/page=2/);
      await expect(cards(page).getByRole("heading").last()).toHaveText("Ward Module 01");
    });

    test("shows credential text with markup as text, never as HTML", async ({ page, context }) => {
      page.on("dialog", (dialog) => {
        throw new Error(`a dialog opened: ${dialog.message()}`);
      });
      const holder = await seedHolder(context);
      const hostile = '<img src=x onerror="alert(1)">Sepsis';
      await seedCredentials(holder.id, [
        {
          title: hostile,
          issuer: "<script>alert(2)</script>Issuer",
          description: "<b>bold</b>",
          issued: "2026-01-01",
          validUntil: daysFromNow(10),
        },
      ]);
      await page.goto("/wallet");
      await expect(cards(page).getByRole("heading", { name: hostile })).toBeVisible();
      await expect(cards(page)).toContainText("<script>alert(2)</script>Issuer");
      await expect(page.locator("img[src='x']")).toHaveCount(0);
      await cards(page).getByRole("link", { name: hostile }).click();
      await expect(page.getByRole("heading", { name: hostile, level: 1 })).toBeVisible();
      await expect(page.getByText("<b>bold</b>")).toBeVisible();
      await expect(page.locator("b", { hasText: "bold" })).toHaveCount(0);
    });
  });
}
