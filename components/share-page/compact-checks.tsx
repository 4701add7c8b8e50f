import { CHECK_STATUS, CheckOutcome, CheckReason } from "@/components/verification/check-words";
import type { VerificationWords } from "@/components/verification/verification-words";
import type { VerificationResult } from "@/lib/verification/types";
import { ShareIcon } from "./share-icons";

/** Each check in one line with its outcome in words and its reason: the card-sized ChecksList, its icons from the page's sprite. */
export function CompactChecks({
  result,
  label,
  words,
}: {
  result: VerificationResult;
  label: string;
  words: VerificationWords;
}) {
  return (
    <ul className="mt-3 flex flex-col gap-1.5 text-sm" aria-label={label}>
      {result.checks.map((check) => (
        <li key={check.id} className="flex gap-2">
          <ShareIcon
            name={`check-${check.status}`}
            className={`mt-0.5 h-4 w-4 shrink-0 ${CHECK_STATUS[check.status].className}`}
          />
          <span className="min-w-0">
            <CheckOutcome check={check} words={words} />
            <span className="text-slate-700 dark:text-slate-300">
              {" — "}
              <CheckReason reason={check.reason} />
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
