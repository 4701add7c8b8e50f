"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateLanguageAction } from "@/app/(wallet)/settings/language-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/**
 * The holder's language. Without a saved choice the browser's language is preselected and said to
 * be a suggestion; "follow my browser" clears the choice again.
 */
export function LanguageForm({ saved, browser }: { saved: Locale | null; browser: Locale }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(updateLanguageAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor="locale" className="text-sm font-medium">
          {t("settings.languageLabel")}
        </label>
        {saved === null ? (
          <p id="locale-hint" className="text-sm text-slate-600 dark:text-slate-400">
            {t("settings.suggested", { language: LOCALE_NAMES[browser] })}
          </p>
        ) : null}
        <select
          id="locale"
          name="locale"
          defaultValue={saved ?? browser}
          aria-describedby={saved === null ? "locale-hint" : undefined}
          className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
          <option value="browser">{t("settings.followBrowser", { language: LOCALE_NAMES[browser] })}</option>
        </select>
      </div>
      {state?.ok ? <Alert tone="success">{t("settings.languageSaved")}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("settings.saving") : t("settings.saveLanguage")}
        </Button>
      </div>
    </form>
  );
}
