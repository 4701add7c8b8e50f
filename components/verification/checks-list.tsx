import type { VerificationResult } from "@/lib/verification/types";
import { VerificationPill } from "@/components/credential/verification-pill";
import { CHECK_ICONS, CHECK_STATUS, CheckOutcome } from "./check-words";

// Built once: a share page formats ~20 check times per view, and creating a formatter costs ~0.1 ms.
const CHECKED_AT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatCheckedAt(iso: string): string {
  return CHECKED_AT.format(new Date(iso)) + " UTC";
}

/** Each check with its outcome in words and its reason; details as a description list. */
export function ChecksList({ result }: { result: VerificationResult }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <VerificationPill state={result.verdict} />
        <span className="text-slate-600 dark:text-slate-400">Checked {formatCheckedAt(result.checkedAt)}</span>
      </p>
      <ul
        className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
        aria-label="Verification checks"
      >
        {result.checks.map((check) => {
          const Icon = CHECK_ICONS[check.status];
          return (
            <li key={check.id} className="flex gap-3 px-4 py-3">
              <Icon className={`mt-0.5 h-5 w-5 shrink-0 ${CHECK_STATUS[check.status].className}`} aria-hidden="true" />
              <div className="min-w-0">
                <p className="font-medium">
                  <CheckOutcome check={check} />
                </p>
                <p className="text-sm text-slate-700 dark:text-slate-300">{check.reason}</p>
                {check.details && Object.keys(check.details).length > 0 ? (
                  // Keys, DIDs and timestamps matter to a technical reviewer, not at first glance.
                  <details className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    <summary className="cursor-pointer">Technical details</summary>
                    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3">
                      {Object.entries(check.details).map(([key, value]) => (
                        <div key={key} className="contents">
                          <dt>{key}</dt>
                          <dd className="break-all">{value}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
