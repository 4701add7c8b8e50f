import AxeBuilder from "@axe-core/playwright";
import { setGlobalConfig } from "@openid4vc/openid4vci";
import type { Page } from "@playwright/test";
import { E2E_ISSUER_PORT } from "@/playwright.config";
import { startTestCredentialIssuer, type TestCredentialIssuer } from "@/testkit/issuance/test-credential-issuer";
import { expect, test } from "./support/fixtures";
import { signInByMagicLink, uniqueEmail } from "./support/flows";
import { measureOverflow } from "./support/layout";

/**
 * "Add from an issuer" (issue 17) against the loopback OpenID4VCI test issuer on the one port the
 * e2e server may reach over plain http: the holder pastes an offer, sees who offers what, enters
 * the transaction code, and lands on the credential, Verified and bound to her wallet DID.
 */

let issuer: TestCredentialIssuer;

test.beforeAll(async () => {
  // The issuer half of the library checks http:// URLs too; this is the test process only.
  setGlobalConfig({ allowInsecureUrls: true });
  issuer = await startTestCredentialIssuer({ port: E2E_ISSUER_PORT });
});
test.afterAll(async () => {
  await issuer?.close();
});

const card = (page: Page) => page.getByRole("region", { name: "Add from an issuer" });

async function showOffer(page: Page, offer: string) {
  await page.goto("/import");
  await card(page).getByLabel("Offer from the issuer").fill(offer);
  await card(page).getByRole("button", { name: "Show the offer" }).click();
}

test.describe("adding a credential from an issuer", () => {
  test.setTimeout(60_000);
  test.beforeEach(async ({ page }) => {
    await signInByMagicLink(page, uniqueEmail("issuer-offer"));
  });

  test("paste an offer, enter the transaction code, land on the credential Verified and bound to her DID", async ({
    page,
  }) => {
    await showOffer(page, issuer.offer({ txCode: "493817" }));
    const offered = card(page);
    await expect(
      offered.getByRole("heading", { name: "Northbridge Clinical Skills Academy offers you" }),
    ).toBeFocused();
    await expect(offered.getByRole("list", { name: "Offered credentials" })).toHaveText(
      "Sepsis recognition and escalation",
    );
    // The logo is our own PNG, redrawn on the server: the page never loads the issuer's address.
    await expect(offered.locator("img")).toHaveAttribute("src", /^data:image\/png;base64,/);
    await expect(offered.getByText("Sent to you by email")).toBeVisible();

    await offered.getByLabel("Transaction code").fill("000000");
    await offered.getByRole("button", { name: "Add to my wallet" }).click();
    await expect(offered.getByRole("alert")).toContainText("did not accept the offer with this transaction code");

    await card(page).getByLabel("Transaction code").fill("493817");
    await card(page).getByRole("button", { name: "Add to my wallet" }).click();
    await page.waitForURL(/\/credentials\/[0-9a-f-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sepsis recognition and escalation");
    await expect(page.getByText("Verified", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Issued to the holder: the credential's recipient DID matches.")).toBeVisible();
    expect(issuer.requests).toEqual(expect.arrayContaining(["/token", "/nonce", "/credential"]));
  });

  test("an offer that is not one, and a used offer, are refused in plain words", async ({ page }) => {
    await showOffer(page, "https://example.org/my-badge");
    await expect(card(page).getByRole("alert")).toHaveText("This link does not contain a credential offer.");

    const once = issuer.offerByReference();
    await showOffer(page, once);
    await card(page).getByRole("button", { name: "Add to my wallet" }).click();
    await page.waitForURL(/\/credentials\//);
    await showOffer(page, once);
    await card(page).getByRole("button", { name: "Add to my wallet" }).click();
    await expect(card(page).getByRole("alert")).toContainText("may have been used already or expired");
  });

  test("the preview with its transaction code fits a 320 px phone and passes axe", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await showOffer(page, issuer.offer({ txCode: "493817" }));
    await expect(card(page).getByLabel("Transaction code")).toBeVisible();
    expect(await measureOverflow(page, "/import (offer preview)")).toBeNull();
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("an offer that needs a sign-in: off to the issuer's authorization server and back, the credential lands", async ({
    page,
  }) => {
    await showOffer(page, issuer.offerWithAuthorizationCode());
    await card(page).getByRole("button", { name: "Sign in with the issuer" }).click();
    // The test authorization server agrees at once and sends the browser back to our callback.
    await page.waitForURL(/\/credentials\/[0-9a-f-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sepsis recognition and escalation");
    expect(issuer.requests.some((path) => path.startsWith("/authorize?"))).toBe(true);

    // The same answer a second time: the sealed request was spent, nothing more is stored.
    const replay = await page.context().request.get("/import/issuer-callback?code=x&state=y", { maxRedirects: 0 });
    expect(replay.status()).toBe(303);
    expect(replay.headers().location).toMatch(/\/import\?issuer=refused$/);
    await page.goto(replay.headers().location!);
    await expect(card(page).getByRole("alert")).toContainText("already used, has expired, or was not started here");
  });
});
