import { and, eq, inArray } from "drizzle-orm";
import { credentials } from "../db/schema";
import { DEMO_HOLDER } from "../db/seed";
import { DEMO_PATHWAY_COMPONENTS_MISSING } from "../db/seed-demo-credentials";
import { issueComponentBadge } from "../db/demo-academy";
import { dbQuery } from "./support/db";
import { expect, test } from "./support/fixtures";
import { signInAsExisting, seedCredentials, seedHolder } from "./support/wallet";

const ICD11 = "ICD-11 Clinical Coding";

test.describe("pathways", () => {
  test.setTimeout(90_000);

  test("the demo holder imports the two missing modules and ICD-11 Clinical Coding goes from 3 of 5 to 5 of 5", async ({
    page,
    context,
  }) => {
    const holder = await signInAsExisting(context, DEMO_HOLDER.email);
    // A retried run starts where the seed left the demo holder: without the two modules.
    await dbQuery((db) =>
      db.delete(credentials).where(
        and(
          eq(credentials.holderId, holder.id),
          inArray(
            credentials.title,
            DEMO_PATHWAY_COMPONENTS_MISSING.map((c) => c.title),
          ),
        ),
      ),
    );

    await page.goto("/pathways");
    const card = page.getByRole("article", { name: ICD11 });
    await expect(card).toContainText("3 of 5 requirements met");
    await card.getByRole("link", { name: ICD11 }).click();
    await expect(page.getByRole("heading", { name: ICD11, level: 1 })).toBeVisible();
    for (const component of DEMO_PATHWAY_COMPONENTS_MISSING)
      await expect(page.getByRole("main")).toContainText(component.title);
    await expect(page.getByText("Missing").first()).toBeVisible();

    const files = await Promise.all(
      DEMO_PATHWAY_COMPONENTS_MISSING.map(async (component) => ({
        name: `${component.requirementId}.json`,
        mimeType: "application/json",
        buffer: Buffer.from(
          JSON.stringify(
            await issueComponentBadge(
              component,
              { email: DEMO_HOLDER.email, name: DEMO_HOLDER.name },
              new Date().toISOString(),
            ),
          ),
        ),
      })),
    );
    await page.goto("/import");
    await page.getByLabel("Choose files").setInputFiles(files);
    await expect(
      page.getByRole("region", { name: "Upload files" }).getByRole("status").filter({ hasText: "2 imported" }),
    ).toBeVisible({ timeout: 20_000 });

    await page.goto("/pathways");
    await expect(card).toContainText("5 of 5 requirements met");
    await expect(card).toContainText(/Complete/);
    await card.getByRole("link", { name: ICD11 }).click();
    await expect(page.getByRole("main")).toContainText(/complete/i);

    // The module's own page says what it counts toward.
    await page.goto(`/wallet?q=${encodeURIComponent(DEMO_PATHWAY_COMPONENTS_MISSING[0]!.title)}`);
    await page.getByRole("link", { name: DEMO_PATHWAY_COMPONENTS_MISSING[0]!.title }).click();
    await expect(page.getByRole("region", { name: "Counts toward" })).toContainText(ICD11);
  });

  test("a holder follows a catalog pathway, and creates, edits and deletes a goal of their own", async ({
    page,
    context,
  }) => {
    const holder = await seedHolder(context, { label: "goals" });
    await seedCredentials(holder.id, [
      { title: "Basic Life Support", issuer: "Resuscitation Academy", hours: 4, verdict: "verified" },
    ]);
    await page.goto("/pathways");
    const card = page.getByRole("article", { name: ICD11 });
    await card.getByRole("button", { name: "Follow" }).click();
    await expect(card.getByRole("button", { name: "Unfollow" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("article", { name: ICD11 }).getByRole("button", { name: "Unfollow" })).toBeVisible();

    await page.getByRole("link", { name: "New goal" }).click();
    await page.getByLabel("Goal name").fill("ICU readiness");
    await page.getByLabel("Credential you are working toward").fill("Critical Care Nursing Certificate");
    await page.getByRole("checkbox", { name: /Basic Life Support/ }).check();
    await page.getByRole("button", { name: "Save goal" }).click();
    await expect(page.getByRole("heading", { name: "ICU readiness", level: 1 })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Basic Life Support");

    await page.goto("/pathways");
    await expect(page.getByRole("article", { name: "ICU readiness" })).toContainText("1 of 1 requirements met");
    await page.getByRole("article", { name: "ICU readiness" }).getByRole("link", { name: "ICU readiness" }).click();
    await page.getByRole("button", { name: "Delete goal" }).click();
    await page.getByRole("button", { name: "Yes, delete goal" }).click();
    await expect(page).toHaveURL(/\/pathways$/);
    await expect(page.getByRole("article", { name: "ICU readiness" })).toHaveCount(0);
  });
});
