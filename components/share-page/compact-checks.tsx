import type { Check, VerificationResult } from "@/lib/verification/types";
import { ShareIcon, type ShareIconName } from "./share-icons";

const TITLES: Record<Check["id"], string> = {
  proof: "Signature",
  issuer: "Issuer",
  validity: "Validity dates",
  status: "Revocation status",
  recipient: "Recipient",
};

const STATUS: Record<Check["status"], { word: string; icon: ShareIconName; className: string }> = {
  passed: { word: "Passed", icon: "check-passed", className: "text-emerald-700 dark:text-emerald-300" },
  failed: { word: "Failed", icon: "check-failed", className: "text-red-700 dark:text-red-300" },
  unknown: { word: "Could not check", icon: "check-unknown", className: "text-amber-800 dark:text-amber-300" },
};

/** Each check in one line with its outcome in words and its reason: the card-sized ChecksList. */
export function CompactChecks({ result, label }: { result: VerificationResult; label: string }) {
  return (
    <ul className="mt-3 flex flex-col gap-1.5 text-sm" aria-label={label}>
      {result.checks.map((check) => {
        const status = STATUS[check.status];
        return (
          <li key={check.id} className="flex gap-2">
            <ShareIcon name={status.icon} className={`mt-0.5 h-4 w-4 shrink-0 ${status.className}`} />
            <span className="min-w-0">
              <span className="font-medium">{TITLES[check.id]}:</span> <span className={`font-medium ${status.className}`}>{status.word}</span>
              <span className="text-slate-700 dark:text-slate-300"> — {check.reason}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
