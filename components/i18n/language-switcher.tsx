import { Languages } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * The language switcher of public pages: a plain form (no JavaScript, no account), posted to
 * /api/locale, which remembers the choice and comes back to `returnTo`.
 */
export async function LanguageSwitcher({ returnTo }: { returnTo: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <form method="post" action="/api/locale" className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor="language-switcher" className="inline-flex items-center gap-1.5 font-medium">
        <Languages className="h-4 w-4" aria-hidden="true" />
        {t("language.label")}
      </label>
      <select
        id="language-switcher"
        name="locale"
        defaultValue={locale}
        className="min-h-11 rounded-lg border border-slate-400 bg-white px-2 text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary">
        {t("language.apply")}
      </Button>
    </form>
  );
}
