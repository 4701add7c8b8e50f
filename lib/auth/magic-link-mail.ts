import "server-only";
import { env } from "@/lib/env";
import { sendMail } from "./mailer";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

/**
 * The emailed link opens a Tessera page with a "Sign in" button instead of Auth.js's callback,
 * which signs in on GET: mail scanners that prefetch links would otherwise spend the token or
 * sign themselves in (docs/threat-model.md A1).
 */
export function confirmationUrl(authCallbackUrl: string): string {
  const callback = new URL(authCallbackUrl);
  const confirm = new URL("/sign-in/confirm", env.appUrl);
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = callback.searchParams.get(key);
    if (value) confirm.searchParams.set(key, value);
  }
  return confirm.toString();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function sendMagicLinkMail(email: string, authCallbackUrl: string): Promise<void> {
  const link = confirmationUrl(authCallbackUrl);
  const minutes = MAGIC_LINK_MAX_AGE_SECONDS / 60;
  await sendMail({
    to: email,
    subject: "Your Tessera sign-in link",
    text: [
      "Hello,",
      "",
      "Open this link to sign in to your Tessera credential wallet:",
      link,
      "",
      `The link works once and expires in ${minutes} minutes.`,
      "If you did not ask to sign in, you can ignore this email.",
    ].join("\n"),
    html: `<p>Hello,</p><p><a href="${escapeHtml(link)}">Sign in to your Tessera credential wallet</a></p><p>The link works once and expires in ${minutes} minutes. If you did not ask to sign in, you can ignore this email.</p>`,
  });
}
