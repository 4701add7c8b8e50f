import { expect, test } from "./support/fixtures";
import {
  expectSentToSignIn,
  sessionCookie,
  signInByMagicLink,
  signOutFromSettings,
  uniqueEmail,
  SESSION_COOKIE,
} from "./support/flows";
import { ORIGIN } from "./support/env";

test.describe("sign-up and sign-in by magic link", () => {
  test("a new address gets a wallet, and signing out ends the session", async ({ page, context, newContext }) => {
    const email = uniqueEmail("signup");
    const mail = await signInByMagicLink(page, email);

    expect(mail.subject).toBe("Your Tessera sign-in link");
    expect(mail.magicLink!.startsWith(`${ORIGIN}/sign-in/confirm?`)).toBe(true);
    await expect(page.getByRole("heading", { name: "Your wallet", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your wallet is empty" })).toBeVisible();

    // docs/threat-model.md A6: the session cookie is out of reach of scripts and of cross-site posts.
    const cookie = await sessionCookie(context);
    expect(cookie, `a ${SESSION_COOKIE} cookie`).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");
    expect(cookie!.path).toBe("/");

    await page.goto("/settings");
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    await signOutFromSettings(page);
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto("/wallet");
    await expectSentToSignIn(page, "/wallet");

    // Replaying the cookie from before sign-out gives nothing: the session row is gone.
    const replay = await newContext();
    await replay.addCookies([cookie!]);
    const replayPage = await replay.newPage();
    await replayPage.goto("/wallet");
    await expectSentToSignIn(replayPage, "/wallet", { staleCookie: true });
  });

  test("the same address signs in to the same wallet again", async ({ page, context }) => {
    test.slow(); // two full sign-ins
    const email = uniqueEmail("returning");
    await signInByMagicLink(page, email);
    await page.goto("/settings");
    await page.getByLabel("Your name").fill("Kofi Mensah");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Profile saved.")).toBeVisible();
    await signOutFromSettings(page);

    await signInByMagicLink(page, email);
    await expect(page.getByRole("heading", { name: "Kofi's wallet", level: 1 })).toBeVisible();
    expect(await sessionCookie(context)).toBeDefined();
  });

  test("signing in from a wallet page returns there", async ({ page }) => {
    await page.goto("/pathways");
    await expectSentToSignIn(page, "/pathways");
    await signInByMagicLink(page, uniqueEmail("return-to"), {
      signInPath: page.url().replace(ORIGIN, ""),
      landOn: "/pathways",
    });
    await expect(page.getByRole("heading", { name: "Pathways", level: 1 })).toBeVisible();
  });
});
