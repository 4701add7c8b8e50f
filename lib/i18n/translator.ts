import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * A translator outside a page render: emails, the reminder digest, scripts (use-intl/core, the
 * React-free core of next-intl, so the CLI and jobs load no React). Pages use next-intl's
 * getTranslations(), which reads the request's language (lib/i18n/request.ts).
 */
export async function translatorFor(locale: Locale) {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, timeZone: "UTC" });
}

export type Translator = Awaited<ReturnType<typeof translatorFor>>;

/** A stored setting that is not (or no longer) one of ours reads as English, never as an error. */
export function storedLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
