import { formatCheckedAt } from "@/components/verification/checks-list";
import { formatDay, plural } from "@/components/ui/format";
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
export function ShareSummary({
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
  const counts = tally(credentials);
  const parts = [
    counts.verified ? `${counts.verified} verified` : null,
    counts["not-verified"] ? `${counts["not-verified"]} not verified` : null,
    counts.unknown ? `${counts.unknown} could not be fully checked` : null,
    counts.unchecked ? `${counts.unchecked} not checked yet` : null,
    counts["self-reported"] ? `${counts["self-reported"]} self-reported` : null,
  ].filter(Boolean);
  return (
    <div className="mt-4 flex flex-col gap-1 rounded-2xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900 print:border-0 print:bg-transparent print:p-0">
      <p className="text-base font-semibold">
        {plural(credentials.length, "credential")} shared{parts.length > 0 ? `: ${parts.join(", ")}` : ""}.
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        Checked live: when this page opened ({formatCheckedAt(checkedAt.toISOString())}), any result older than{" "}
        {maxAgeMinutes % 60 === 0 ? plural(maxAgeMinutes / 60, "hour") : plural(maxAgeMinutes, "minute")} was checked
        again.
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        {expiresAt ? (
          <>This link works until {formatDay(expiresAt)}: the link&rsquo;s own end date, not the credentials&rsquo;.</>
        ) : (
          "This link has no end date; its owner can turn it off at any time."
        )}
      </p>
    </div>
  );
}
