import { eq } from "drizzle-orm";
import { collectionItems, credentialOriginals, credentials } from "../db/schema";
import { dbQuery } from "./support/db";
import { expect, test } from "./support/fixtures";
import { settle } from "./support/flows";
import { NOT_FOUND_CONSOLE_ERROR } from "./support/pages";
import { SAMPLE_WALLET, seedCredentials, seedHolder } from "./support/wallet";

const VIEWPORTS = [
  { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;

for (const { name, use } of VIEWPORTS) {
  test.describe(`organizing the wallet on ${name}`, () => {
    test.use(use);
    test.setTimeout(60_000);

    test("collections: create, add from the collection and from a credential, remove, filter by", async ({
      page,
      context,
    }) => {
      const holder = await seedHolder(context);
      await seedCredentials(holder.id, SAMPLE_WALLET);
      await page.goto("/wallet");
      await page.getByRole("link", { name: "Collections" }).first().click();
      await expect(page.getByRole("heading", { name: "Collections", level: 1 })).toBeVisible();
      await page.getByLabel("New collection name").fill("ICU application");
      await page.getByRole("button", { name: "Create collection" }).click();
      await expect(page.getByRole("heading", { name: "ICU application", level: 1 })).toBeVisible();

      await page.getByRole("searchbox", { name: "Find credentials to add" }).fill("life support");
      await page.getByRole("button", { name: "Find" }).click();
      await page.getByRole("button", { name: "Add “Basic Life Support” to this collection" }).click();
      const members = page.getByRole("list", { name: "Credentials in this collection" });
      await expect(members.getByRole("heading", { name: "Basic Life Support" })).toBeVisible();

      // From a credential's page: tick the collection.
      await page.goto("/wallet?q=sepsis");
      await page.getByRole("link", { name: "Sepsis Recognition" }).click();
      await page.getByRole("checkbox", { name: "ICU application" }).check();
      await expect(page.getByRole("checkbox", { name: "ICU application" })).toBeChecked();
      await page.reload();
      await expect(page.getByRole("checkbox", { name: "ICU application" })).toBeChecked();

      // The wallet filters by it.
      await page.goto("/wallet");
      await page.getByText(/^Filters and sort/).click();
      await page.getByLabel("Collection").selectOption({ label: "ICU application" });
      await expect(page.getByRole("list", { name: "Credentials" }).getByRole("heading")).toHaveText([
        "Sepsis Recognition",
        "Basic Life Support",
      ]);

      // Remove one from the collection page; it stays in the wallet.
      await page.goto("/wallet/collections");
      await page.getByRole("link", { name: "ICU application" }).click();
      await page.getByRole("button", { name: "Remove “Basic Life Support” from this collection" }).click();
      await expect(members.getByRole("heading")).toHaveText(["Sepsis Recognition"]);
      await page.goto("/wallet?q=basic");
      await expect(page.getByRole("list", { name: "Credentials" }).getByRole("heading")).toHaveText([
        "Basic Life Support",
      ]);

      // A second collection may not reuse the name, whatever its case.
      await page.goto("/wallet/collections");
      await page.getByLabel("New collection name").fill("icu APPLICATION");
      await page.getByRole("button", { name: "Create collection" }).click();
      await expect(page.getByText("You already have a collection called “icu APPLICATION”.")).toBeVisible();
    });

    test("notes and tags belong to the holder and survive a reload; the wallet filters by tag", async ({
      page,
      context,
    }) => {
      const holder = await seedHolder(context);
      const ids = await seedCredentials(holder.id, SAMPLE_WALLET);
      await page.goto(`/credentials/${ids["Sepsis Recognition"]}`);
      await page.getByLabel("Your note", { exact: true }).fill("Used for the Ward 7 ICU application <b>not bold</b>");
      await page.getByRole("button", { name: "Save note" }).click();
      await expect(page.getByText(/Saved|Note saved/).first()).toBeVisible();

      await page.getByLabel("New tag").fill("Mandatory");
      await page.getByRole("button", { name: "Add tag" }).click();
      await expect(page.getByRole("list", { name: "Your tags" })).toContainText("Mandatory");
      await page.getByLabel("New tag").fill("x".repeat(41));
      await page.getByRole("button", { name: "Add tag" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "40 characters" })).toBeVisible();

      await page.reload();
      await expect(page.getByLabel("Your note", { exact: true })).toHaveValue(
        "Used for the Ward 7 ICU application <b>not bold</b>",
      );
      await expect(page.getByRole("list", { name: "Your tags" })).toContainText("Mandatory");

      await page.goto("/wallet");
      await page.getByText(/^Filters and sort/).click();
      await page.getByLabel("Your tag", { exact: true }).selectOption("Mandatory");
      await expect(page.getByRole("list", { name: "Credentials" }).getByRole("heading")).toHaveText([
        "Sepsis Recognition",
      ]);

      // The credential itself is unchanged: the note lives beside it.
      await settle(page);
      const [row] = await dbQuery((db) =>
        db
          .select({ record: credentials.record, note: credentials.holderNote })
          .from(credentials)
          .where(eq(credentials.id, ids["Sepsis Recognition"]!)),
      );
      expect(row!.note).toContain("Ward 7");
      expect(JSON.stringify(row!.record)).not.toContain("Ward 7");
    });

    test("deleting a credential asks first, then removes it, its original and its collection places", async ({
      page,
      context,
      browserProblems,
    }) => {
      browserProblems.allow(
        NOT_FOUND_CONSOLE_ERROR,
        "the deleted credential's page is opened at the end and must answer 404",
      );
      const holder = await seedHolder(context);
      const ids = await seedCredentials(holder.id, SAMPLE_WALLET);
      const id = ids["Manual Handling"]!;
      await page.goto(`/credentials/${id}`);
      await page.getByLabel("New collection name").fill("Annual revalidation");
      await page.getByRole("button", { name: "Create and add" }).click();
      await expect(page.getByRole("checkbox", { name: "Annual revalidation" })).toBeChecked();

      await page.getByRole("button", { name: "Delete credential" }).click();
      const dialog = page.getByRole("dialog", { name: "Delete this credential permanently?" });
      await expect(dialog).toContainText("its place in 1 collection");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("heading", { name: "Manual Handling", level: 1 })).toBeVisible();

      await page.getByRole("button", { name: "Delete credential" }).click();
      await dialog.getByRole("button", { name: "Delete permanently" }).click();
      await expect(page).toHaveURL(/\/wallet\?deleted=/);
      await expect(page.getByText("“Manual Handling” was deleted from your wallet.")).toBeVisible();
      await expect(
        page.getByRole("list", { name: "Credentials" }).getByRole("heading", { name: "Manual Handling" }),
      ).toHaveCount(0);
      await expect(page.getByRole("status").filter({ hasText: /^5 credentials$/ })).toBeVisible();

      await settle(page);
      const left = await dbQuery(async (db) => ({
        credential: await db.$count(credentials, eq(credentials.id, id)),
        memberships: await db.$count(collectionItems, eq(collectionItems.credentialId, id)),
        originals: await db.$count(credentialOriginals, eq(credentialOriginals.holderId, holder.id)),
      }));
      expect(left).toEqual({ credential: 0, memberships: 0, originals: 5 });

      const gone = await page.goto(`/credentials/${id}`);
      expect(gone?.status()).toBe(404);
    });
  });
}
