import { getLocale, getTranslations } from "next-intl/server";
import { formattersFor } from "@/lib/i18n/format";

/**
 * When the result was made, and an honest word when it could not be re-checked just now: a stale
 * result is shown as what it is, the result of an earlier check.
 */
export async function VerificationNote({
  checkedAt,
  stale,
  selfReported,
}: {
  checkedAt: string | null;
  stale: boolean;
  selfReported: boolean;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  const text = selfReported
    ? t("share.note.selfReported")
    : !checkedAt
      ? t("share.note.notChecked")
      : stale
        ? t("share.note.checkedEarlier", { time: formattersFor(locale).moment(checkedAt) })
        : t("share.note.checked", { time: formattersFor(locale).moment(checkedAt) });
  return <p className="text-xs text-slate-600 dark:text-slate-400">{text}</p>;
}
