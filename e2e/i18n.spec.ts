import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createShare } from "../lib/shares/data";
import { badgeJson } from "./support/credentials";
import { dbQuery } from "./support/db";
import { ORIGIN } from "./support/env";
import { expect, test } from "./support/fixtures";
import { confirmMagicLink, uniqueEmail } from "./support/flows";
import { mailsTo, waitForMail } from "./support/mail";
import { importSignedBadges, seedHolder } from "./support/wallet";

/** Tessera in the reader's language (ADR 0031): Arabic right to left and German, phone and desktop. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VIEWPORTS = [
  { name: "phone", viewport: { width: 390, height: 844 } },
  { name: "desktop", viewport: { width: 1280, height: 800 } },
] as const;

async function expectLanguage(page: Page, lang: string, dir: "ltr" | "rtl") {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
}

async function expectFitsAndAxeClean(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} is wider than the viewport`).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${where}`,
  ).toEqual([]);
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`languages on ${name}`, () => {
    test.use({ viewport, locale: "ar-SY" });

    test("a visitor reads Arabic from Accept-Language, and switches to German without an account", async ({ page }) => {
      await page.goto("/");
      await expectLanguage(page, "ar", "rtl");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "كل الشهادات التي حصلت عليها، في محفظة واحدة تملكها.",
      );
      await expectFitsAndAxeClean(page, "/ in Arabic");

      await page.getByLabel("اللغة").selectOption("de");
      await page.getByRole("button", { name: "تغيير اللغة" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expectLanguage(page, "de", "ltr");
      await expect(page.getByRole("link", { name: "Nachweis prüfen" })).toBeVisible();
      await expectFitsAndAxeClean(page, "/ in German");

      // The choice follows the visitor to the other public pages.
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Bei Tessera anmelden", level: 1 })).toBeVisible();
      await expectFitsAndAxeClean(page, "/sign-in in German");
    });

    test("a holder signs in by an Arabic mail, then chooses German in Settings", async ({ page, context }) => {
      const email = uniqueEmail(`i18n-${name}`);
      await page.goto("/sign-in");
      await expectLanguage(page, "ar", "rtl");
      await expectFitsAndAxeClean(page, "/sign-in in Arabic");
      const before = (await mailsTo(email)).length;
      await page.getByLabel("البريد الإلكتروني").fill(email);
      await page.getByRole("button", { name: "أرسل لي رابط تسجيل الدخول" }).click();
      await expect(page.getByRole("heading", { name: "تحقق من بريدك الإلكتروني", level: 1 })).toBeVisible();
      const mail = await waitForMail(email, before);
      expect(mail.subject).toBe("رابط تسجيل الدخول إلى تيسيرا");
      expect(mail.text).toContain("تنتهي صلاحيته بعد 10 دقائق");

      await confirmMagicLink(page, mail.magicLink!, "تسجيل الدخول");
      await expect(page).toHaveURL(/\/wallet$/);
      await expectLanguage(page, "ar", "rtl");
      const nav = page.getByRole("navigation", { name: "القائمة الرئيسية" }).filter({ visible: true });
      await expect(nav.getByRole("link", { name: "الإعدادات" })).toBeVisible();

      await nav.getByRole("link", { name: "الإعدادات" }).click();
      const language = page.getByLabel("لغة تيسيرا ورسائلها");
      await expect(page.getByText("اقترحها متصفحك: العربية. احفظها للاحتفاظ بها.")).toBeVisible();
      await expectFitsAndAxeClean(page, "/settings in Arabic");
      await language.selectOption("de");
      await page.getByRole("button", { name: "حفظ اللغة" }).click();
      await expectLanguage(page, "de", "ltr");
      await expect(page.getByRole("navigation", { name: "Hauptmenü" }).filter({ visible: true })).toBeVisible();
      await expect(page.getByText("Sprache gespeichert.")).toBeVisible();
      await expectFitsAndAxeClean(page, "/settings in German");

      // The setting outranks the browser's Arabic on every page, and is kept in a cookie for public pages.
      await page.goto("/");
      await expectLanguage(page, "de", "ltr");
      const cookie = (await context.cookies()).find((c) => c.name === "tessera-locale");
      expect(cookie?.value).toBe("de");
      expect(cookie?.httpOnly).toBe(true);
    });
  });
}

test.describe("the pages recruiters read", () => {
  test.setTimeout(120_000);

  test("a share link opened with Accept-Language: uk is Ukrainian, kept per language, with imported RTL text isolated", async ({
    context,
    newContext,
  }) => {
    const holder = await seedHolder(context, { label: "i18n-share", name: "Олена Коваль" });
    // Bidi controls in an imported title are dropped on import; the Arabic left is isolated where shown.
    const rtlTitle = "\u202Eشارة الإنعاش 2026";
    const ids = await importSignedBadges(holder, ["Sepsis Recognition Badge", rtlTitle]);
    const created = await dbQuery((db) =>
      createShare(db, holder.id, { scope: "selection", credentialIds: Object.values(ids), headline: "Нічні зміни" }),
    );
    const url = `${ORIGIN}/v/${created!.token}`;

    const ukrainian = await newContext({ locale: "uk-UA", extraHTTPHeaders: { "Accept-Language": "uk" } });
    const page = await ukrainian.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expectLanguage(page, "uk", "ltr");
    await expect(page.getByText("Посвідчення, якими поділився(-лася)", { exact: true })).toBeVisible();
    await expect(page.getByText("Поширено 2 посвідчення: 2 підтверджено.")).toBeVisible();
    await expect(page.getByText("Підтверджено", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Завантажити все (JSON)" })).toBeVisible();
    expect(await page.content()).not.toContain("Credentials shared by");
    await expectFitsAndAxeClean(page, "a share page in Ukrainian");

    const isolation = await page.evaluate((title) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.includes(title)) continue;
        const holderElement = node.parentElement!;
        found.push(`${holderElement.tagName}:${getComputedStyle(holderElement).unicodeBidi}`);
      }
      return { found, controls: document.body.innerHTML.includes("\u202E") };
    }, "شارة الإنعاش 2026");
    expect(isolation.controls).toBe(false);
    expect(isolation.found.length).toBeGreaterThan(0);
    for (const where of isolation.found) expect(where).toMatch(/:(isolate|plaintext)$/);

    // The same link for a German reader right after: the kept render is per language.
    const german = await newContext({ extraHTTPHeaders: { "Accept-Language": "de-AT,de;q=0.9" } });
    const html = await (await german.request.get(url)).text();
    expect(html).toContain('<html lang="de" dir="ltr"');
    expect(html).toContain("Verifiziert");
    expect(html).not.toContain("Підтверджено");

    // A link the holder gave a language ("show this page in German") is German for this Ukrainian reader too.
    const inGerman = await dbQuery((db) =>
      createShare(db, holder.id, { scope: "selection", credentialIds: Object.values(ids), locale: "de" }),
    );
    const germanPage = await ukrainian.newPage();
    await germanPage.goto(`${ORIGIN}/v/${inGerman!.token}`);
    await expectLanguage(germanPage, "de", "ltr");
    await expect(germanPage.getByText("Nachweise, geteilt von", { exact: true })).toBeVisible();
    await germanPage.close();

    // A credential's page in the reader's language too.
    await page.getByRole("link", { name: "Sepsis Recognition Badge" }).click();
    await expect(page.getByRole("heading", { name: "Перевірка", level: 2 })).toBeVisible();
    await expect(
      page.getByRole("link", { name: /Усі посвідчення, якими поділився\(-лася\) Олена Коваль/ }),
    ).toBeVisible();
    await expectFitsAndAxeClean(page, "a shared credential in Ukrainian");

    // The switcher works on the share page (a no-referrer page) without an account.
    await page.goto(url);
    await page.getByLabel("Мова").selectOption("ar");
    await page.getByRole("button", { name: "Змінити мову" }).click();
    await expect(page).toHaveURL(url);
    await expectLanguage(page, "ar", "rtl");
    await expect(page.getByText("شهادات شاركها", { exact: true })).toBeVisible();
    await expectFitsAndAxeClean(page, "a share page in Arabic");
  });

  test("/verify in Arabic: right to left, the result of a check in Arabic, nothing in English but the verifier's reasons", async ({
    newContext,
  }) => {
    const context = await newContext({ locale: "ar", extraHTTPHeaders: { "Accept-Language": "ar" } });
    const page = await context.newPage();
    await page.goto("/verify");
    await expectLanguage(page, "ar", "rtl");
    await expect(page.getByRole("heading", { name: "التحقق من شهادة", level: 1 })).toBeVisible();
    await expectFitsAndAxeClean(page, "/verify in Arabic");

    await page.getByLabel("ملف شهادة").setInputFiles({
      name: "badge.json",
      mimeType: "application/json",
      buffer: await badgeJson("Hand Hygiene Badge"),
    });
    const result = page.getByRole("region", { name: "نتيجة Hand Hygiene Badge" });
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result.getByText("التوقيع:")).toBeVisible();
    await expect(result.getByText("ناجح").first()).toBeVisible();
    // The verifier's reasons are English, marked and isolated as such.
    const reasons = result.locator('bdi[lang="en"]');
    expect(await reasons.count()).toBeGreaterThan(0);
    await expectFitsAndAxeClean(page, "a result on /verify in Arabic");
  });
});

test.describe("bad language input", () => {
  test("an unknown or malformed locale in the cookie or header falls back to English", async ({ browser }) => {
    const context = await browser.newContext({
      extraHTTPHeaders: { "Accept-Language": "%%;q=zz,,,;;xx-YY;q=2, tlh" },
    });
    await context.addCookies([
      { name: "tessera-locale", value: "..%2F..%2Fetc", url: test.info().project.use.baseURL! },
    ]);
    const page = await context.newPage();
    const response = await page.goto("/sign-in");
    expect(response?.status()).toBe(200);
    await expectLanguage(page, "en", "ltr");
    await expect(page.getByRole("heading", { name: "Sign in to Tessera", level: 1 })).toBeVisible();
    await context.close();
  });

  test("the switcher ignores a language Tessera does not have and a foreign return address", async ({ page }) => {
    await page.goto("/");
    const answer = await page.request.post("/api/locale", {
      form: { locale: "pl", returnTo: "https://evil.example/" },
      headers: { origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(303);
    expect(new URL(answer.headers().location!).pathname).toBe("/");
    expect(new URL(answer.headers().location!).host).toBe(new URL(page.url()).host);
    expect(answer.headers()["set-cookie"] ?? "").not.toContain("tessera-locale");
  });

  test("another site cannot set the language", async ({ page }) => {
    await page.goto("/");
    const answer = await page.request.post("/api/locale", {
      form: { locale: "ar", returnTo: "/" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(403);
  });
});
