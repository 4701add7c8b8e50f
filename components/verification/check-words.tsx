import { CircleCheck, CircleHelp, CircleX } from "lucide-react";
import type { Check } from "@/lib/verification/types";
import type { VerificationWords } from "./verification-words";

/** Each outcome's colour: always next to its word, never alone. */
export const CHECK_STATUS: Record<Check["status"], { className: string }> = {
  passed: { className: "text-emerald-700 dark:text-emerald-300" },
  failed: { className: "text-red-700 dark:text-red-300" },
  unknown: { className: "text-amber-800 dark:text-amber-300" },
};

/**
 * Each outcome's icon. Holder pages draw it inline; the share page draws it once per page in its
 * sprite (components/share-page/share-icons.tsx) and places it by name.
 */
export const CHECK_ICONS: Record<Check["status"], typeof CircleCheck> = {
  passed: CircleCheck,
  failed: CircleX,
  unknown: CircleHelp,
};

/** "Signature: Passed": the check's title and its outcome in words, coloured. */
export function CheckOutcome({ check, words }: { check: Pick<Check, "id" | "status">; words: VerificationWords }) {
  return (
    <>
      <span className="font-medium">{words.checks[check.id]}:</span>{" "}
      <span className={`font-medium ${CHECK_STATUS[check.status].className}`}>{words.outcomes[check.status]}</span>
    </>
  );
}

/**
 * A check's reason: the verifier writes it in English (lib/verification), so it is marked as
 * English and isolated, and never runs right to left inside an Arabic page.
 */
export function CheckReason({ reason }: { reason: string }) {
  return (
    <bdi lang="en" dir="ltr">
      {reason}
    </bdi>
  );
}
