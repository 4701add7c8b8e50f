import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signedInTest, test } from "./support/fixtures";
import { NOT_FOUND_CONSOLE_ERROR, PUBLIC_PAGES, WALLET_PAGES, type PageUnderTest } from "./support/pages";
import { and, eq, isNull } from "drizzle-orm";
import { cpdProfiles } from "../db/schema";
import { createCycle } from "../lib/cpd/cycles-data";
import { createShare } from "../lib/shares/data";
import { dbQuery } from "./support/db";
import { SAMPLE_WALLET, seedCollection, seedCredentials, seedHolder } from "./support/wallet";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const VIEWPORTS = [
  { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  {
    name: "phone",
    use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
  },
] as const;

async function expectNoAxeViolations(page: Page, entry: PageUnderTest) {
  await expect(page.getByRole("heading", { name: entry.heading, level: 1 })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${entry.path}`).toEqual([]);
}

for (const { name, use } of VIEWPORTS) {
  test.describe(`accessibility on ${name}`, () => {
    test.use(use);

    for (const entry of PUBLIC_PAGES) {
      test(`${entry.path} has no WCAG 2.2 AA violations`, async ({ page, browserProblems }) => {
        if (entry.status === 404) browserProblems.allow(NOT_FOUND_CONSOLE_ERROR, "this page is meant to answer 404");
        await page.goto(entry.path);
        await expectNoAxeViolations(page, entry);
      });
    }

    test("the sign-in form's error state has no violations", async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email address").fill("not an address");
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page, { path: "/sign-in (error)", heading: "Sign in to Tessera" });
    });
  });

  signedInTest.describe(`accessibility of wallet pages on ${name}`, () => {
    signedInTest.use(use);

    for (const entry of WALLET_PAGES) {
      signedInTest(`${entry.path} has no WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(entry.path);
        await expectNoAxeViolations(page, entry);
      });
    }

    signedInTest("the delete-account confirmation has no violations", async ({ page }) => {
      await page.goto("/settings");
      await page.getByRole("button", { name: "Delete my account…" }).click();
      await expect(page.getByRole("button", { name: "Delete everything" })).toBeVisible();
      await expectNoAxeViolations(page, { path: "/settings (delete open)", heading: "Settings" });
    });

    signedInTest(`the ${name === "phone" ? "bottom tab bar" : "top navigation"} is the one shown`, async ({ page }) => {
      await page.goto("/shares");
      const viewport = page.viewportSize()!;
      // The hidden one of the two "Main" navigations is not exposed, so exactly one is found.
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav).toHaveCount(1);
      await expect(nav).toBeVisible();
      const box = (await nav.boundingBox())!;
      if (name === "phone") {
        expect(Math.round(box.y + box.height)).toBe(viewport.height);
        expect(box.width).toBe(viewport.width);
      } else {
        expect(box.y).toBeLessThan(80);
      }
      for (const label of ["Wallet", "Pathways", "Renewal", "Shares", "Portfolio", "Settings"])
        await expect(nav.getByRole("link", { name: label })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Shares" })).toHaveAttribute("aria-current", "page");
      await nav.getByRole("link", { name: "Pathways" }).click();
      await expect(page.getByRole("heading", { name: "Pathways", level: 1 })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Pathways" })).toHaveAttribute("aria-current", "page");
    });
  });
}

for (const { name, use } of VIEWPORTS) {
  test.describe(`accessibility of a full wallet on ${name}`, () => {
    test.use(use);

    test("the wallet, a credential, collections and their dialogs have no WCAG 2.2 AA violations", async ({
      page,
      context,
    }) => {
      test.setTimeout(120_000);
      const holder = await seedHolder(context);
      const ids = await seedCredentials(holder.id, SAMPLE_WALLET);
      const collection = await seedCollection(holder.id, "ICU application", [
        ids["Basic Life Support"]!,
        ids["Sepsis Recognition"]!,
      ]);

      await page.goto("/wallet");
      await page.getByText(/^Filters and sort/).click();
      await expectNoAxeViolations(page, { path: "/wallet (filters open)", heading: "Aoife's wallet" });
      await page.getByLabel("Search your wallet").fill("no such credential anywhere");
      await expect(page.getByText("No credentials match")).toBeVisible();
      await expectNoAxeViolations(page, { path: "/wallet (no match)", heading: "Aoife's wallet" });

      for (const title of ["Basic Life Support", "Advanced Life Support", "Manual Handling"]) {
        await page.goto(`/credentials/${ids[title]}`);
        await expectNoAxeViolations(page, { path: `/credentials/[${title}]`, heading: title });
      }
      await page.getByRole("button", { name: "Delete credential" }).click();
      await expect(page.getByRole("button", { name: "Delete permanently" })).toBeVisible();
      await expectNoAxeViolations(page, { path: "/credentials/[id] (delete open)", heading: "Manual Handling" });

      await page.goto("/wallet/collections");
      await expectNoAxeViolations(page, { path: "/wallet/collections", heading: "Collections" });
      await page.goto("/pathways");
      await expectNoAxeViolations(page, { path: "/pathways", heading: "Pathways" });
      await page
        .getByRole("article", { name: "ICD-11 Clinical Coding" })
        .getByRole("link", { name: "ICD-11 Clinical Coding" })
        .click();
      await expectNoAxeViolations(page, { path: "/pathways/[id]", heading: "ICD-11 Clinical Coding" });
      await page.goto("/shares/new");
      await expectNoAxeViolations(page, {
        path: "/shares/new",
        heading: await page.getByRole("heading", { level: 1 }).innerText(),
      });
      const { token } = (await dbQuery((db) =>
        createShare(db, holder.id, {
          scope: "collection",
          collectionId: collection,
          headline: "Applying for ICU staff nurse",
        }),
      ))!;
      await page.goto("/shares");
      await expectNoAxeViolations(page, { path: "/shares (one link)", heading: "Shares" });
      await page.goto(`/v/${token}`);
      await expectNoAxeViolations(page, {
        path: "/v/[token]",
        heading: await page.getByRole("heading", { level: 1 }).innerText(),
      });
      await page.goto("/pathways/goals/new");
      await page.getByRole("button", { name: "Add a credential to earn" }).click();
      await expectNoAxeViolations(page, {
        path: "/pathways/goals/new",
        heading: await page.getByRole("heading", { level: 1 }).innerText(),
      });
      await page.goto(`/wallet/collections/${collection}?find=life`);
      await expectNoAxeViolations(page, { path: "/wallet/collections/[id]", heading: "ICU application" });

      // Portfolio with credentials to choose, then the print view of a portfolio.
      await page.goto("/portfolio");
      await expectNoAxeViolations(page, { path: "/portfolio (full wallet)", heading: "Portfolio" });
      await page
        .getByRole("checkbox", { name: /Basic Life Support/ })
        .first()
        .check();
      await page.getByRole("button", { name: "Create portfolio" }).click();
      await page.getByRole("link", { name: "Open print view" }).click();
      // The click returns before the print view has loaded: read its heading only once it has.
      await page.waitForURL(/\/portfolio\/print\?/);
      await expectNoAxeViolations(page, {
        path: "/portfolio/print",
        heading: await page.getByRole("heading", { level: 1 }).innerText(),
      });

      // Renewal: a cycle on the NMC profile, its page, and a holder's own profile form.
      const cycle = await dbQuery(async (db) => {
        const [nmc] = await db
          .select({ id: cpdProfiles.id })
          .from(cpdProfiles)
          .where(and(eq(cpdProfiles.slug, "nmc-revalidation"), isNull(cpdProfiles.holderId)));
        return createCycle(db, holder.id, { profileId: nmc!.id, startsOn: "2025-01-01", endsOn: "2027-12-31" });
      });
      await page.goto("/renewal");
      await expectNoAxeViolations(page, { path: "/renewal (one cycle)", heading: "CPD and renewal" });
      await page.goto(`/renewal/cycles/${cycle.id}`);
      await expectNoAxeViolations(page, {
        path: "/renewal/cycles/[id]",
        heading: await page.getByRole("heading", { level: 1 }).innerText(),
      });
      await page.goto("/renewal/profiles/new");
      await expectNoAxeViolations(page, {
        path: "/renewal/profiles/new",
        heading: await page.getByRole("heading", { level: 1 }).innerText(),
      });
    });
  });
}
