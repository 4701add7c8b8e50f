import type { VerificationResult } from "@/lib/verification/types";
import { VerificationPill } from "@/components/credential/verification-pill";
import { formattersFor } from "@/lib/i18n/format";
import { CHECK_ICONS, CHECK_STATUS, CheckOutcome, CheckReason } from "./check-words";
import { fillIn, UNTRANSLATED_VERIFICATION_WORDS, type VerificationWords } from "./verification-words";

/** Each check with its outcome in words and its reason; details as a description list. */
export function ChecksList({
  result,
  words = UNTRANSLATED_VERIFICATION_WORDS,
}: {
  result: VerificationResult;
  words?: VerificationWords;
}) {
  return (
    <div className="flex flex-col gap-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <VerificationPill state={result.verdict} label={words.pills[result.verdict]} />
        <span className="text-slate-600 dark:text-slate-400">
          {fillIn(words.checked, { time: formattersFor(words.locale).moment(result.checkedAt) })}
        </span>
      </p>
      <ul
        className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
        aria-label={words.checksLabel}
      >
        {result.checks.map((check) => {
          const Icon = CHECK_ICONS[check.status];
          return (
            <li key={check.id} className="flex gap-3 px-4 py-3">
              <Icon className={`mt-0.5 h-5 w-5 shrink-0 ${CHECK_STATUS[check.status].className}`} aria-hidden="true" />
              <div className="min-w-0">
                <p className="font-medium">
                  <CheckOutcome check={check} words={words} />
                </p>
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  <CheckReason reason={check.reason} />
                </p>
                {check.details && Object.keys(check.details).length > 0 ? (
                  // Keys, DIDs and timestamps matter to a technical reviewer, not at first glance.
                  <details className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    <summary className="cursor-pointer">{words.technicalDetails}</summary>
                    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3" dir="ltr">
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
