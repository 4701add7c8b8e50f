import { eq } from "drizzle-orm";
import { authenticators, users } from "../db/schema";
import { dbQuery } from "./support/db";
import { ORIGIN } from "./support/env";
import { expect, test } from "./support/fixtures";
import { sessionCookie, settle, signInByMagicLink, signOutFromSettings, uniqueEmail } from "./support/flows";
import { addVirtualAuthenticator, simpleWebAuthnBrowserBundle } from "./support/passkeys";

test.describe("passkeys", () => {
  test("a holder adds a passkey in Settings and signs in with it", async ({ page, context }) => {
    const authenticator = await addVirtualAuthenticator(context, page);
    const email = uniqueEmail("passkey");
    await signInByMagicLink(page, email);

    await page.goto("/settings");
    await expect(page.getByText("No passkeys yet.")).toBeVisible();
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Passkey added. You can now sign in with it." }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove passkey 1" })).toBeVisible();
    await expect(page.getByText("Passkey 1")).toBeVisible();
    expect(await authenticator.credentialCount()).toBe(1);

    await signOutFromSettings(page);
    expect(await sessionCookie(context)).toBeUndefined();

    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(`${ORIGIN}/wallet`);
    await expect(page.getByRole("heading", { name: "Your wallet is empty" })).toBeVisible();
    await page.goto("/settings");
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove passkey 1" })).toBeVisible();
  });

  test("a signed-out visitor cannot create an account by registering a passkey", async ({ page, context }) => {
    const authenticator = await addVirtualAuthenticator(context, page);
    const email = uniqueEmail("passkey-signup");
    await page.goto("/sign-in");
    // No page offers this, so drive Auth.js's WebAuthn endpoints directly with the same library
    // its client uses: ask for registration options for an unknown address, create a credential,
    // and post it back.
    await page.evaluate(simpleWebAuthnBrowserBundle());
    const outcome = await page.evaluate(async (address) => {
      type Browser = typeof import("@simplewebauthn/browser");
      const { startRegistration } = (window as unknown as { SimpleWebAuthnBrowser: Browser }).SimpleWebAuthnBrowser;
      const optionsResponse = await fetch(
        `/api/auth/webauthn-options/passkey?${new URLSearchParams({ action: "register", email: address })}`,
      );
      if (!optionsResponse.ok) return { step: "options", status: optionsResponse.status, url: null };
      const { action, options } = (await optionsResponse.json()) as {
        action: string;
        options: Parameters<Browser["startRegistration"]>[0];
      };
      const credential = await startRegistration(options);
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const callback = await fetch("/api/auth/callback/passkey", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
        body: new URLSearchParams({ action, data: JSON.stringify(credential), csrfToken, callbackUrl: "/wallet" }),
      });
      const { url } = (await callback.json()) as { url?: string };
      return { step: `callback:${action}`, status: callback.status, url: url ?? null };
    }, email);

    // The options step may refuse outright; if it lets the browser make a credential, the
    // callback must deny it.
    if (outcome.step === "options") {
      expect(outcome.status).toBeGreaterThanOrEqual(400);
    } else {
      expect(outcome.step).toBe("callback:register");
      expect(outcome.url).toContain("error=AccessDenied");
      expect(await authenticator.credentialCount()).toBe(1);
    }
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto("/wallet");
    await expect(page).toHaveURL(`${ORIGIN}/sign-in?callbackUrl=%2Fwallet`);

    await settle(page);
    const { userRows, keyRows } = await dbQuery(async (db) => ({
      userRows: await db.select({ id: users.id }).from(users).where(eq(users.email, email)),
      keyRows: await db
        .select({ id: authenticators.credentialID })
        .from(authenticators)
        .innerJoin(users, eq(users.id, authenticators.userId))
        .where(eq(users.email, email)),
    }));
    expect(userRows).toEqual([]);
    expect(keyRows).toEqual([]);
  });
});
