import { and, eq, inArray } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { credentials, holderEmails } from "../db/schema";
import { DEMO_HOLDER } from "../db/seed";
import { DEMO_PATHWAY_COMPONENTS_MISSING } from "../db/seed-demo-credentials";
import { issueComponentBadge } from "../db/demo-academy";
import { dbQuery } from "./support/db";
import { expect, test } from "./support/fixtures";
import { confirmMagicLink, requestMagicLink, settle, signInByMagicLink, uniqueEmail } from "./support/flows";
import { mailsTo, waitForMail } from "./support/mail";
import { seedHolder, signInAsExisting } from "./support/wallet";

const ICD11 = "ICD-11 Clinical Coding";
const MODULE = DEMO_PATHWAY_COMPONENTS_MISSING[0]!;
/** The address Amara had at the trust that issued the module: not yet in her wallet. */
const TRUST_ADDRESS = "amara.okafor@northbridge-trust.e2e.tessera.test";

const checks = (page: Page) => page.getByRole("list", { name: "Verification checks" });
/** The verdict pill in the credential's header. */
const verdict = (page: Page, text: string) => page.locator("article > header").getByText(text, { exact: true });

/** Asks for a confirmation link from Settings' form and answers the mail it produced. */
async function confirmationLinkFor(email: string, before: number): Promise<string> {
  const mail = await waitForMail(email, before);
  const link = mail.links.find((url) => new URL(url).pathname === "/settings/emails/confirm");
  expect(link, "the mail holds a confirmation link").toBeTruthy();
  return link!;
}

async function openModule(page: Page): Promise<void> {
  await page.goto(`/wallet?q=${encodeURIComponent(MODULE.title)}`);
  await page.getByRole("link", { name: MODULE.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: MODULE.title })).toBeVisible();
}

test.describe("the holder's email addresses", () => {
  test.setTimeout(120_000);

  test("a module issued to another of Amara's addresses turns Verified once she confirms it, and back when she removes it", async ({
    page,
    context,
  }) => {
    const holder = await signInAsExisting(context, DEMO_HOLDER.email);
    // A retried run starts where the seed left the demo holder: without the module or the address.
    await dbQuery(async (db) => {
      await db
        .delete(credentials)
        .where(and(eq(credentials.holderId, holder.id), inArray(credentials.title, [MODULE.title])));
      await db.delete(holderEmails).where(eq(holderEmails.email, TRUST_ADDRESS));
    });

    await page.goto("/pathways");
    const card = page.getByRole("article", { name: ICD11 });
    await expect(card).toContainText("3 of 5 requirements met");

    const badge = await issueComponentBadge(
      MODULE,
      { email: TRUST_ADDRESS, name: DEMO_HOLDER.name, hashed: false },
      new Date().toISOString(),
    );
    await page.goto("/import");
    await page
      .getByLabel("Choose files")
      .setInputFiles([
        { name: "module.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(badge)) },
      ]);
    await expect(
      page.getByRole("region", { name: "Upload files" }).getByRole("status").filter({ hasText: "1 imported" }),
    ).toBeVisible({ timeout: 20_000 });

    await openModule(page);
    await expect(verdict(page, "Not verified")).toBeVisible();
    await expect(checks(page)).toContainText("Recipient: Failed");
    await expect(checks(page)).toContainText("Issued to someone else");
    await page.goto("/pathways");
    await expect(card).toContainText("3 of 5 requirements met");

    // One click from the credential: "Issued to a…@northbridge-trust… — add and confirm this address".
    await openModule(page);
    const hint = page.getByRole("status").filter({ hasText: "Issued to a…@northbridge-trust.e2e.tessera.test" });
    await expect(hint).toContainText("Add and confirm this address to show it is yours.");
    const before = (await mailsTo(TRUST_ADDRESS)).length;
    await hint.getByRole("button", { name: "Add this address" }).click();
    await expect(hint).toContainText(`We sent a confirmation link to ${TRUST_ADDRESS}`);
    const link = await confirmationLinkFor(TRUST_ADDRESS, before);

    // Opening the link spends nothing (a mail scanner may follow it); the button does.
    await page.goto(link);
    await expect(page.getByText(`Add ${TRUST_ADDRESS} to your wallet?`)).toBeVisible();
    await page.getByRole("button", { name: "Confirm this address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Address confirmed" })).toContainText(
      /credentials? (was|were) checked again/,
    );

    // The same credential, not imported again, is now hers and counts on its pathway.
    await openModule(page);
    await expect(verdict(page, "Verified")).toBeVisible();
    await expect(checks(page)).toContainText("Recipient: Passed");
    await page.goto("/pathways");
    await expect(card).toContainText("4 of 5 requirements met");

    // Used twice, the link does nothing.
    await page.goto(link);
    await expect(page.getByRole("alert").filter({ hasText: "This confirmation link does not work" })).toBeVisible();

    await page.goto("/settings");
    await page.getByRole("button", { name: `Remove ${TRUST_ADDRESS}` }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `${TRUST_ADDRESS} is no longer yours here.` }),
    ).toBeVisible();
    await openModule(page);
    await expect(verdict(page, "Not verified")).toBeVisible();
    await page.goto("/pathways");
    await expect(card).toContainText("3 of 5 requirements met");

    await settle(page);
    await dbQuery((db) =>
      db.delete(credentials).where(and(eq(credentials.holderId, holder.id), eq(credentials.title, MODULE.title))),
    );
  });

  test("adds an address from Settings, refuses bad and taken ones, and signs in with it", async ({
    page,
    newContext,
  }) => {
    const main = uniqueEmail("identities");
    await signInByMagicLink(page, main);
    const second = uniqueEmail("second");
    const field = page.getByLabel("Add an email address");
    const send = page.getByRole("button", { name: "Send confirmation link" });
    const addresses = page.getByRole("region", { name: "Email addresses" });

    await page.goto("/settings");
    for (const [typed, refusal] of [
      [second.replace("@", "＠"), "Enter one valid email address"],
      [main.toUpperCase(), "That address is already one of yours."],
      [DEMO_HOLDER.email, "This address belongs to another Tessera account"],
    ] as const) {
      await field.fill(typed);
      await send.click();
      await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
    }
    const before = (await mailsTo(second)).length;
    await field.fill(`  ${second.toUpperCase()} `);
    await send.click();
    await expect(
      page.getByRole("status").filter({ hasText: `We sent a confirmation link to ${second}` }),
    ).toBeVisible();
    await expect(addresses).toContainText("Waiting for confirmation");
    const link = await confirmationLinkFor(second, before);

    // Another holder, signed in, cannot use the link, and nothing changes for either of them.
    const otherContext = await newContext();
    await seedHolder(otherContext, { label: "other" });
    const other = await otherContext.newPage();
    await other.goto(link);
    await expect(other.getByRole("alert").filter({ hasText: "This confirmation link does not work" })).toBeVisible();
    await other.goto("/settings");
    await expect(other.getByRole("region", { name: "Email addresses" })).not.toContainText(second);

    await page.goto(link);
    await page.getByRole("button", { name: "Confirm this address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Address confirmed" })).toBeVisible();
    await page.goto("/settings");
    await expect(addresses.getByRole("listitem").filter({ hasText: second })).toContainText("Confirmed");

    // Signing in with the further address opens the same account.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    const mail = await requestMagicLink(page, second);
    await confirmMagicLink(page, mail.magicLink!);
    await page.goto("/settings");
    await expect(page.getByText(`Signed in as ${main}`)).toBeVisible();

    // Choosing it for sign-in keeps the first address as a confirmed one.
    await page.getByRole("button", { name: `Use ${second} for sign-in` }).click();
    await expect(page.getByText(`Signed in as ${second}`)).toBeVisible();
    await expect(page.getByRole("button", { name: `Remove ${main}` })).toBeVisible();
    await expect(page.getByRole("button", { name: `Remove ${second}` })).toHaveCount(0);
  });

  test("a module issued to Amara's wallet DID is hers, and still is after she makes a new DID", async ({
    page,
    context,
  }) => {
    const holder = await signInAsExisting(context, DEMO_HOLDER.email);
    await dbQuery((db) =>
      db.delete(credentials).where(and(eq(credentials.holderId, holder.id), eq(credentials.title, MODULE.title))),
    );
    await page.goto("/settings");
    const didCard = page.getByRole("region", { name: "Wallet DID" });
    await expect(didCard.getByRole("img", { name: "QR code of your wallet DID" })).toBeVisible();
    const did = await didCard.getByRole("textbox", { name: "Your wallet DID" }).inputValue();
    expect(did).toMatch(/^did:key:z6Mk/);
    expect(await page.content()).not.toMatch(/private_key|privateKeyJwe|"d":"/);

    const badge = await issueComponentBadge(
      MODULE,
      { email: "not-amara@elsewhere.e2e.tessera.test", name: DEMO_HOLDER.name, id: did },
      new Date().toISOString(),
    );
    await page.goto("/import");
    await page
      .getByLabel("Choose files")
      .setInputFiles([
        { name: "module.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(badge)) },
      ]);
    await expect(
      page.getByRole("region", { name: "Upload files" }).getByRole("status").filter({ hasText: "1 imported" }),
    ).toBeVisible({ timeout: 20_000 });
    await openModule(page);
    await expect(verdict(page, "Verified")).toBeVisible();
    await expect(checks(page)).toContainText("Recipient: Passed");
    await page.goto("/pathways");
    await expect(page.getByRole("article", { name: ICD11 })).toContainText("4 of 5 requirements met");

    await page.goto("/settings");
    await didCard.getByRole("button", { name: "Make a new DID…" }).click();
    await didCard.getByRole("button", { name: "Make a new DID", exact: true }).click();
    await expect(didCard.getByRole("textbox", { name: "Your wallet DID" })).not.toHaveValue(did);
    await expect(didCard.getByRole("listitem").filter({ hasText: did })).toContainText("Replaced on");
    await openModule(page);
    await page.getByRole("button", { name: "Re-check now" }).click();
    await expect(page.getByText("Checked again just now.")).toBeVisible();
    await expect(verdict(page, "Verified")).toBeVisible();

    await settle(page);
    await dbQuery((db) =>
      db.delete(credentials).where(and(eq(credentials.holderId, holder.id), eq(credentials.title, MODULE.title))),
    );
  });
});
