import "server-only";
import { env } from "@/lib/env";
import { textDirection, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { MAGIC_LINK_MINUTES } from "./magic-link-lifetime";
import { sendMail } from "./mailer";

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

/** The sign-in email in the holder's language (lib/auth/mail-locale.ts decides which). */
export async function sendMagicLinkMail(email: string, authCallbackUrl: string, locale: Locale): Promise<void> {
  const link = confirmationUrl(authCallbackUrl);
  const minutes = MAGIC_LINK_MINUTES;
  const t = await translatorFor(locale);
  const dir = textDirection(locale);
  await sendMail({
    to: email,
    subject: t("mail.signIn.subject"),
    text: [
      t("mail.hello"),
      "",
      t("mail.signIn.open"),
      link,
      "",
      t("mail.signIn.expiry", { minutes }),
      t("mail.signIn.ignore"),
    ].join("\n"),
    html: `<div lang="${locale}" dir="${dir}"><p>${escapeHtml(t("mail.hello"))}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t("mail.signIn.linkText"))}</a></p><p>${escapeHtml(t("mail.signIn.expiry", { minutes }))} ${escapeHtml(t("mail.signIn.ignore"))}</p></div>`,
  });
}
