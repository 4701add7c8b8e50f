import { eq } from "drizzle-orm";
import { cpdProfiles } from "@/db/schema";
import { createCycle } from "@/lib/cpd/cycles-data";
import { addDays, toDay } from "@/lib/cpd/dates";
import { createShare } from "@/lib/shares/data";
import { dbQuery } from "./support/db";
import { expect, test } from "./support/fixtures";
import { importSignedBadges, importSignedClr, seedHolder, signInAsExisting } from "./support/wallet";

const NMC = "NMC revalidation (nurses, midwives, nursing associates)";

test.describe("the first five minutes (issue 18)", () => {
  test.setTimeout(90_000);

  test("hours a credential's text mentions are counted once the holder confirms, marked holder-set, and can be undone", async ({
    page,
    context,
  }) => {
    const holder = await seedHolder(context, { label: "holder-set-hours" });
    // The test issuer states OB 3.0 workload as real issuers do: "Notional workload: 25 hours (1 ECTS)"
    // in the criteria, and the ECTS as creditsAvailable, a credit without a unit.
    const ids = await importSignedBadges(holder, ["Safe Medication Administration"]);
    const id = ids["Safe Medication Administration"]!;

    await page.goto("/wallet");
    const summary = page.getByRole("region", { name: "Summary" });
    await expect(summary.getByRole("listitem").filter({ hasText: "Learning hours" })).toContainText("Not stated");

    await page.goto(`/credentials/${id}`);
    const workload = page.getByRole("region", { name: "Workload and level" });
    await expect(workload).toContainText("1 credit (unit not stated)");
    await expect(workload).toContainText("This credential's text mentions 25 hours — count them?");
    await workload.getByRole("button", { name: "Count 25 hours" }).click();
    await expect(workload).toContainText("25 hours (holder-set");
    await expect(workload.getByRole("button", { name: "Count 25 hours" })).toHaveCount(0);

    await page.goto("/wallet");
    await expect(summary.getByRole("listitem").filter({ hasText: "Learning hours" })).toContainText("25");
    await expect(summary).toContainText("25 holder-set");
    await expect(page.getByRole("article").filter({ hasText: "Safe Medication Administration" })).toContainText(
      "25 h (holder-set)",
    );

    // Counted on an NMC cycle, and said to be holder-set.
    await page.goto("/renewal");
    await page.getByLabel("Requirement profile", { exact: true }).selectOption({ label: `${NMC} (36 months)` });
    await page.getByLabel("Cycle starts on").fill(addDays(toDay(new Date()), -30));
    await page.getByRole("button", { name: "Start cycle" }).click();
    await expect(page.getByText("Cycle started.")).toBeVisible();
    const card = page.getByRole("region", { name: "Your cycles" }).getByRole("article", { name: NMC });
    await expect(card.getByRole("listitem", { name: "CPD hours", exact: true })).toContainText(
      "CPD hours: 25 h of 35 h",
    );
    await card.getByRole("link", { name: NMC }).click();
    const counted = page.getByRole("region", { name: /Activities counted/ });
    await expect(counted).toContainText("Safe Medication Administration");
    await expect(counted).toContainText("holder-set hours the credential's text mentions");

    // Undo: back to what the credential states; the cycle no longer counts them.
    await page.goto(`/credentials/${id}`);
    await workload.getByRole("button", { name: "Undo, stop counting them" }).click();
    await expect(workload.getByRole("button", { name: "Count 25 hours" })).toBeVisible();
    await page.goto("/renewal");
    await expect(
      page
        .getByRole("region", { name: "Your cycles" })
        .getByRole("article", { name: NMC })
        .getByRole("listitem", { name: "CPD hours", exact: true }),
    ).toContainText("CPD hours: 0 h of 35 h");

    // The unit-less credit counts only once the holder names it.
    await page.goto(`/credentials/${id}`);
    await workload.getByLabel("ECTS credits (counted as ECTS)").check();
    await workload.getByRole("button", { name: "Save the unit" }).click();
    await expect(workload).toContainText("1 credit: ECTS (holder-set)");
    await page.goto("/wallet");
    await expect(summary.getByRole("listitem").filter({ hasText: "ECTS" })).toContainText("1 holder-set");
  });

  test("parts of a CLR are listed under their whole, and a search still finds a part, naming its whole", async ({
    page,
    context,
  }) => {
    const holder = await seedHolder(context, { label: "parts-and-wholes" });
    await importSignedClr(holder);
    const whole = "Northbridge School of Nursing: Clinical Coding Pathway";

    await page.goto("/wallet");
    const cards = page.getByRole("list", { name: "Credentials" }).locator(":scope > li");
    await expect(cards).toHaveCount(1);
    const card = cards.first();
    await expect(card.getByRole("link", { name: whole })).toBeVisible();
    const inside = card.getByRole("list", { name: `Inside ${whole}` });
    await expect(inside).toBeHidden();
    // A native disclosure: it opens from the keyboard.
    await card.locator("summary", { hasText: "3 credentials inside" }).focus();
    await page.keyboard.press("Enter");
    await expect(inside).toBeVisible();
    await expect(inside.getByRole("link", { name: "Clinical Documentation Improvement" })).toBeVisible();
    await expect(inside.getByRole("listitem")).toHaveCount(3);

    await page.getByLabel("Search your wallet").fill("documentation improvement");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(cards).toHaveCount(1);
    await expect(cards.first().getByRole("link", { name: "Clinical Documentation Improvement" })).toBeVisible();
    await expect(cards.first()).toContainText(`Part of ${whole}`);
    await cards.first().getByRole("link", { name: whole }).click();
    await expect(page.getByRole("heading", { name: whole, level: 1 })).toBeVisible();
  });

  test("first steps tick from the holder's own data, and a dismissal stays dismissed", async ({
    page,
    context,
    newContext,
  }) => {
    const holder = await seedHolder(context, { label: "first-steps" });
    await page.goto("/wallet");
    const steps = page.getByRole("region", { name: "First steps" });
    await expect(steps).toContainText("0 of 5 done");
    await expect(steps.getByRole("link", { name: "Add a credential" })).toBeVisible();

    const ids = await importSignedBadges(holder, ["Sepsis Recognition"]);
    await dbQuery(async (db) => {
      await createShare(db, holder.id, { scope: "selection", credentialIds: [ids["Sepsis Recognition"]!] });
      const [nmc] = await db
        .select({ id: cpdProfiles.id })
        .from(cpdProfiles)
        .where(eq(cpdProfiles.slug, "nmc-revalidation"));
      await createCycle(db, holder.id, {
        profileId: nmc!.id,
        startsOn: addDays(toDay(new Date()), -10),
        endsOn: addDays(toDay(new Date()), 1000),
      });
    });
    await page.reload();
    await expect(steps).toContainText("3 of 5 done");
    await expect(steps.getByRole("listitem").filter({ hasText: "Add a credential" })).toContainText("(done)");
    await expect(steps.getByRole("listitem").filter({ hasText: "Share a link" })).toContainText("(done)");
    await expect(steps.getByRole("listitem").filter({ hasText: "renewal cycle" })).toContainText("(done)");
    await expect(steps.getByRole("listitem").filter({ hasText: "Follow a pathway" })).toContainText("(not yet)");

    await steps.getByRole("button", { name: "Dismiss the checklist" }).click();
    await expect(steps).toBeHidden();
    await page.reload();
    await expect(
      page
        .getByRole("heading", { name: "Sepsis Recognition" })
        .or(page.getByRole("link", { name: "Sepsis Recognition" }))
        .first(),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "First steps" })).toHaveCount(0);

    // Stored per holder, not per browser.
    const elsewhere = await newContext();
    await signInAsExisting(elsewhere, holder.email);
    const other = await elsewhere.newPage();
    await other.goto("/wallet");
    await expect(other.getByRole("region", { name: "Summary" })).toBeVisible();
    await expect(other.getByRole("region", { name: "First steps" })).toHaveCount(0);
  });
});
