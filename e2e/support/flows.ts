import crypto from "node:crypto";
import { expect, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { ORIGIN } from "./env";
import { mailsTo, waitForMail, type SentMail } from "./mail";

export const SESSION_COOKIE = "tessera.session";

/** A fresh address per call, so tests never share a holder, a mailbox or a rate-limit bucket. */
export function uniqueEmail(label = "holder"): string {
  return `${label}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}@e2e.tessera.test`;
}

/** Asks for a magic link through the sign-in form and returns the mail it produced. */
export async function requestMagicLink(page: Page, email: string, signInPath = "/sign-in"): Promise<SentMail> {
  const before = (await mailsTo(email)).length;
  await page.goto(signInPath);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/check-email");
  const mail = await waitForMail(email, before);
  expect(mail.magicLink, "the mail holds a sign-in link").toBeTruthy();
  return mail;
}

/** Opens an emailed link and presses its "Sign in" button (the link alone spends nothing), named in the page's language. */
export async function confirmMagicLink(page: Page, link: string, button = "Sign in"): Promise<void> {
  await page.goto(link);
  await page.getByRole("button", { name: button, exact: true }).click();
}

/** The whole magic-link journey; ends on `landOn` (the wallet by default). */
export async function signInByMagicLink(
  page: Page,
  email: string,
  { signInPath = "/sign-in", landOn = "/wallet" } = {},
): Promise<SentMail> {
  const mail = await requestMagicLink(page, email, signInPath);
  await confirmMagicLink(page, mail.magicLink!);
  await expect(page).toHaveURL(`${ORIGIN}${landOn}`);
  return mail;
}

export async function sessionCookie(context: BrowserContext): Promise<Cookie | undefined> {
  return (await context.cookies(ORIGIN)).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** Signs out with the button in Settings; the holder lands on the home page. */
export async function signOutFromSettings(page: Page): Promise<void> {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/`);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A signed-out visitor at a wallet route ends on sign-in. Without any session cookie the proxy
 * redirects with the route as callbackUrl. With a cookie that names no session (forged, signed
 * out, deleted) the server components decide, and the shell layout's plain "/sign-in" redirect
 * may win over the page's, so the callbackUrl is optional then.
 */
export async function expectSentToSignIn(page: Page, route: string, { staleCookie = false } = {}): Promise<void> {
  const withCallback = `${ORIGIN}/sign-in?callbackUrl=${encodeURIComponent(route)}`;
  if (staleCookie)
    await expect(page).toHaveURL(
      new RegExp(`^${escapeRegExp(`${ORIGIN}/sign-in`)}(\\?callbackUrl=${escapeRegExp(encodeURIComponent(route))})?$`),
    );
  else await expect(page).toHaveURL(withCallback);
  await expect(page.getByRole("heading", { name: "Sign in to Tessera" })).toBeVisible();
}

/**
 * Lets the page finish every request (Next prefetches links after load) and leaves it, so the
 * app is idle before a test queries the shared single-session embedded database.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.goto("about:blank");
}
