import fs from "node:fs";
import path from "node:path";
import { readPdf } from "@/testkit/pdf-reader";
import { ORIGIN } from "./support/env";
import { expect, test } from "./support/fixtures";
import { importSignedBadges, seedHolder } from "./support/wallet";

const IN_PORTFOLIO = ["Sepsis Recognition Badge", "Basic Life Support Badge"];
const LEFT_OUT = "Manual Handling Badge";
// Kept after the run (issue 8: one rendered page is checked by eye).
const SCREENSHOT = path.resolve("test-results/portfolio-print.png");

test.describe("portfolio PDF and print view", () => {
  test.setTimeout(120_000);

  test("the holder downloads a PDF whose text names them, the credentials and their share links; the print view shows the same", async ({
    page,
    context,
    newContext,
  }) => {
    const holder = await seedHolder(context, { name: "Aoife Byrne", label: "portfolio" });
    await importSignedBadges(holder, [...IN_PORTFOLIO, LEFT_OUT]);

    await page.goto("/portfolio");
    await expect(page.getByRole("heading", { name: "Portfolio PDF" })).toBeVisible();
    for (const title of IN_PORTFOLIO) await page.getByRole("checkbox", { name: new RegExp(title) }).check();
    await page.getByRole("radio", { name: "By kind" }).check();
    await page.getByRole("radio", { name: "US Letter" }).check();
    await page.getByLabel("Profession (optional)").fill("Registered nurse");
    await page.getByLabel("Headline (optional)").fill("Applying for ICU staff nurse");
    // A printed link must outlive the paper: the default is "until you revoke it".
    await expect(page.getByLabel("Link expires after")).toHaveValue("never");
    await page.getByRole("button", { name: "Create portfolio" }).click();

    await expect(page.getByRole("heading", { name: "Your portfolio is ready" })).toBeFocused();
    const link = await page.getByLabel("Portfolio link").inputValue();
    expect(link).toMatch(new RegExp(`^${ORIGIN}/v/tsv_[A-Za-z0-9_-]{40,}$`));
    const token = link.split("/v/")[1]!;

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download PDF" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await readPdf(new Uint8Array(bytes));
    expect(pdf.text).toContain("Aoife Byrne");
    expect(pdf.text).toContain("Registered nurse");
    for (const title of IN_PORTFOLIO) expect(pdf.text).toContain(title);
    expect(pdf.text).not.toContain(LEFT_OUT);
    expect(pdf.text).toContain(`${link}/c/`);
    expect(pdf.flat).toContain("works until the holder revokes it");
    expect(pdf.sizes[0]).toEqual([612, 792]);
    for (const annotation of pdf.annotations) expect(new URL(annotation.url ?? "javascript:").origin).toBe(ORIGIN);
    expect(pdf.hasJavaScript).toBe(false);

    // Each QR/link opens the credential's public page, checked live, without an account.
    const credentialUrl = /https?:\/\/\S+\/c\/[0-9a-f-]{36}/.exec(pdf.text)![0];
    const recruiter = await (await newContext()).newPage();
    expect((await recruiter.goto(credentialUrl))?.status()).toBe(200);
    await expect(recruiter.getByRole("heading", { name: /Badge/ }).first()).toBeVisible();

    // The link is the holder's to manage on the Shares page.
    await page.goto("/shares");
    await expect(
      page.getByRole("article").filter({ hasText: "Portfolio: Applying for ICU staff nurse" }),
    ).toBeVisible();

    // The PDF route refuses a request from another site and another holder's token.
    const foreign = await context.request.post(`${ORIGIN}/api/portfolio/pdf`, {
      form: { token },
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status()).toBe(403);
    const otherContext = await newContext();
    await seedHolder(otherContext, { label: "portfolio-intruder" });
    const intruder = await otherContext.request.post(`${ORIGIN}/api/portfolio/pdf`, {
      form: { token },
      headers: { origin: ORIGIN },
    });
    expect(intruder.status()).toBe(404);
    expect(await intruder.text()).not.toContain("Aoife Byrne");

    // The print view: the same content as HTML, with LinkedIn's "Add to profile" per credential.
    await page.goto("/portfolio");
    for (const title of IN_PORTFOLIO) await page.getByRole("checkbox", { name: new RegExp(title) }).check();
    await page.getByRole("button", { name: "Create portfolio" }).click();
    await page.getByRole("link", { name: "Open print view" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Aoife Byrne" })).toBeVisible();
    for (const title of IN_PORTFOLIO) await expect(page.getByRole("heading", { name: title })).toBeVisible();
    const linkedIn = page.getByRole("link", { name: /Add to LinkedIn profile/ }).first();
    const linkedInUrl = new URL((await linkedIn.getAttribute("href"))!);
    expect(linkedInUrl.origin + linkedInUrl.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(linkedInUrl.searchParams.get("startTask")).toBe("CERTIFICATION_NAME");
    expect(linkedInUrl.searchParams.get("certUrl")).toMatch(
      new RegExp(`^${ORIGIN}/v/tsv_[A-Za-z0-9_-]+/c/[0-9a-f-]{36}$`),
    );
    await page.emulateMedia({ media: "print" });
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.emulateMedia({ media: "screen" });
  });
});
