import fs from "node:fs/promises";
import { eq } from "drizzle-orm";
import { cpdProfiles } from "@/db/schema";
import { createCycle } from "@/lib/cpd/cycles-data";
import { addDays, toDay } from "@/lib/cpd/dates";
import { pdfText } from "@/testkit/cpd/activity-source";
import { dbQuery } from "./support/db";
import { expect, test } from "./support/fixtures";
import { daysFromNow, seedCredentials, seedHolder } from "./support/wallet";

const NMC = "NMC revalidation (nurses, midwives, nursing associates)";
const today = () => toDay(new Date());

test.describe("CPD and renewal", () => {
  test.setTimeout(90_000);

  test("a holder picks the NMC profile, sees progress per rule and an expiry reminder, and downloads the evidence pack", async ({
    page,
    context,
  }) => {
    const holder = await seedHolder(context, { label: "renewal" });
    await seedCredentials(holder.id, [
      {
        title: "Sepsis recognition workshop",
        issuer: "Northbridge School of Nursing",
        hours: 12,
        issued: daysFromNow(-100),
        verdict: "verified",
      },
      {
        title: "Wound care module",
        issuer: "Health Data Institute",
        ects: 1,
        issued: daysFromNow(-50),
        verdict: "verified",
      },
      {
        title: "Basic Life Support",
        issuer: "Resuscitation Academy",
        hours: 4,
        issued: daysFromNow(-300),
        validUntil: daysFromNow(20),
        verdict: "verified",
      },
      { title: "Before the cycle", issuer: "Old School", hours: 30, issued: daysFromNow(-2000) },
    ]);

    await page.goto("/renewal");
    await expect(page.getByRole("heading", { name: "CPD and renewal", level: 1 })).toBeVisible();
    const reminders = page.getByRole("region", { name: /^Reminders/ });
    await expect(reminders).toContainText("Basic Life Support expires in 20 days");
    // The same dates for the holder's own calendar app, from the link in the panel.
    const calendarDownload = page.waitForEvent("download");
    await reminders.getByRole("link", { name: /Add expiry dates to your calendar/ }).click();
    const calendar = await fs.readFile((await (await calendarDownload).path())!, "utf8");
    expect(calendar).toContain("SUMMARY:Basic Life Support expires");
    expect(calendar).toContain("TRIGGER:-P7D");
    expect(calendar).not.toContain("Sepsis recognition workshop");

    await page.getByLabel("Requirement profile", { exact: true }).selectOption({ label: `${NMC} (36 months)` });
    await page.getByLabel("Cycle starts on").fill(addDays(today(), -400));
    await page.getByRole("button", { name: "Start cycle" }).click();
    await expect(page.getByText("Cycle started.")).toBeVisible();

    const card = page.getByRole("region", { name: "Your cycles" }).getByRole("article", { name: NMC });
    await expect(card.getByRole("listitem", { name: "CPD hours", exact: true })).toContainText(
      "CPD hours: 41 h of 35 h",
    );
    await expect(card.getByRole("listitem", { name: "CPD hours", exact: true })).toContainText("Met");
    await expect(card.getByRole("listitem", { name: "Participatory CPD hours", exact: true })).toContainText(
      "Missing 20 h",
    );
    await expect(card.getByRole("listitem", { name: "Written reflective accounts", exact: true })).toContainText(
      "0 records of 5 records",
    );
    await expect(card).toContainText("days left");

    await card.getByRole("link", { name: NMC }).click();
    await expect(page.getByRole("heading", { name: NMC, level: 1 })).toBeVisible();
    const counted = page.getByRole("region", { name: /Activities counted/ });
    await expect(counted).toContainText("Sepsis recognition workshop");
    await expect(counted).toContainText("ECTS converted");
    await expect(counted).not.toContainText("Before the cycle");

    // The holder marks the workshop participatory; the participatory rule moves.
    await page.locator("summary", { hasText: "Sepsis recognition workshop" }).click();
    const form = page.getByRole("form", { name: "How Sepsis recognition workshop counts" });
    await form.getByLabel("Yes, participatory").check();
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("listitem", { name: "Participatory CPD hours", exact: true })).toContainText(
      "Participatory CPD hours: 12 h of 20 h",
    );

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^cpd-evidence-nmc-revalidation.*\.csv$/);
    const csv = await fs.readFile(await csvDownload.path(), "utf8");
    expect(csv).toContain("Activity,Issuer,Date,Hours,Type,Topics,Counts toward,Verification,Link");
    expect(csv).toMatch(
      /Sepsis recognition workshop,Northbridge School of Nursing,\d{4}-\d{2}-\d{2},12,Participatory,,CPD hours; Participatory CPD hours,Verified,http/,
    );
    expect(csv).not.toContain("Before the cycle");

    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    const pdf = new Uint8Array(await fs.readFile(await pdfDownload.path()));
    const text = await pdfText(pdf);
    expect(text).toContain("CPD evidence pack");
    expect(text).toContain("Sepsis recognition workshop");
    expect(text).toContain("Missing 8 h");
  });

  test("the evidence pack is refused to another holder and to another site", async ({
    newContext,
    browserProblems,
  }) => {
    browserProblems.allow(/status of (403|404)/, "this test requests a foreign evidence pack on purpose");
    const ownerContext = await newContext();
    const owner = await seedHolder(ownerContext, { label: "renewal-owner" });
    await seedCredentials(owner.id, [{ title: "Owner-only course", hours: 5, issued: daysFromNow(-10) }]);
    const cycle = await dbQuery(async (db) => {
      const [nmc] = await db
        .select({ id: cpdProfiles.id })
        .from(cpdProfiles)
        .where(eq(cpdProfiles.slug, "nmc-revalidation"));
      return createCycle(db, owner.id, {
        profileId: nmc!.id,
        startsOn: addDays(today(), -30),
        endsOn: addDays(today(), 1000),
      });
    });
    const csvPath = `/api/cpd/cycles/${cycle.id}/evidence.csv`;

    const own = await ownerContext.request.get(csvPath);
    expect(own.status()).toBe(200);
    expect(own.headers()["cache-control"]).toContain("no-store");
    const crossSite = await ownerContext.request.get(csvPath, { headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status()).toBe(403);

    const intruderContext = await newContext();
    await seedHolder(intruderContext, { label: "renewal-intruder" });
    for (const path of [csvPath, `/api/cpd/cycles/${cycle.id}/evidence.pdf`]) {
      const response = await intruderContext.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).not.toContain("Owner-only course");
    }
    const page = await intruderContext.newPage();
    expect((await page.goto(`/renewal/cycles/${cycle.id}`))?.status()).toBe(404);
  });
});
