import { getLocale, getTranslations } from "next-intl/server";
import { formattersFor } from "@/lib/i18n/format";
import type { SharedCredentialCard } from "@/lib/shares/resolve";

function tally(credentials: SharedCredentialCard[]) {
  const counts = { verified: 0, "not-verified": 0, unknown: 0, unchecked: 0, "self-reported": 0 };
  for (const c of credentials) {
    if (c.selfReported) counts["self-reported"] += 1;
    else if (!c.verification || !c.verdict) counts.unchecked += 1;
    else counts[c.verdict] += 1;
  }
  return counts;
}

/**
 * The page at a glance: how many credentials, how many verified and how many not, when they were
 * checked, and until when the link works, said as the link's date, not the credentials' (docs/product-notes.md request 1).
 */
export async function ShareSummary({
  credentials,
  expiresAt,
  checkedAt,
  maxAgeMinutes,
}: {
  credentials: SharedCredentialCard[];
  expiresAt: Date | null;
  checkedAt: Date;
  maxAgeMinutes: number;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  const f = formattersFor(locale);
  const counts = tally(credentials);
  const parts = [
    counts.verified ? t("share.tally.verified", { count: counts.verified }) : null,
    counts["not-verified"] ? t("share.tally.notVerified", { count: counts["not-verified"] }) : null,
    counts.unknown ? t("share.tally.unknown", { count: counts.unknown }) : null,
    counts.unchecked ? t("share.tally.unchecked", { count: counts.unchecked }) : null,
    counts["self-reported"] ? t("share.tally.selfReported", { count: counts["self-reported"] }) : null,
  ].filter((part): part is string => part !== null);
  const shared = t("share.sharedCount", { count: credentials.length });
  const age =
    maxAgeMinutes % 60 === 0
      ? t("share.ageHours", { count: maxAgeMinutes / 60 })
      : t("share.ageMinutes", { count: maxAgeMinutes });
  return (
    <div className="mt-4 flex flex-col gap-1 rounded-2xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900 print:border-0 print:bg-transparent print:p-0">
      <p className="text-base font-semibold">
        {parts.length > 0
          ? t("share.summaryWithTally", {
              shared,
              tally: new Intl.ListFormat(locale, { type: "unit", style: "short" }).format(parts),
            })
          : t("share.summary", { shared })}
      </p>
      <p className="text-slate-700 dark:text-slate-300">{t("share.checkedLive", { time: f.moment(checkedAt), age })}</p>
      <p className="text-slate-700 dark:text-slate-300">
        {expiresAt ? t("share.linkUntil", { date: f.day(expiresAt) ?? "" }) : t("share.linkNoEnd")}
      </p>
    </div>
  );
}
