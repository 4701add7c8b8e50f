import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { cache } from "react";
import { getCurrentHolder } from "@/lib/auth/session";
import { SESSION_COOKIE_NAMES } from "@/lib/security/routes";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * The language of this request: the holder's setting, the switcher's cookie, Accept-Language,
 * English (lib/i18n/locales.ts). The session is only looked up when a session cookie is there, so
 * a recruiter's visit to a public page costs no database query.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const signedIn = SESSION_COOKIE_NAMES.some((name) => cookieStore.has(name));
  const holder = signedIn ? await getCurrentHolder() : null;
  return negotiateLocale({
    holder: holder?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
});

// next-intl reads this through the plugin in next.config.ts (its "request config").
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : await requestLocale();
  // Stored instants are UTC and shown in UTC everywhere (components/ui/format.ts).
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
