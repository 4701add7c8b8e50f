import { CircleCheck, CircleHelp, CircleX } from "lucide-react";
import type { Check } from "@/lib/verification/types";

/** What each check is called, wherever a check is listed (holder pages, share page cards and detail). */
export const CHECK_TITLES: Record<Check["id"], string> = {
  proof: "Signature",
  issuer: "Issuer",
  validity: "Validity dates",
  status: "Revocation status",
  recipient: "Recipient",
};

/** Each outcome in words and its colour: never by colour alone. */
export const CHECK_STATUS: Record<Check["status"], { word: string; className: string }> = {
  passed: { word: "Passed", className: "text-emerald-700 dark:text-emerald-300" },
  failed: { word: "Failed", className: "text-red-700 dark:text-red-300" },
  unknown: { word: "Could not check", className: "text-amber-800 dark:text-amber-300" },
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
export function CheckOutcome({ check }: { check: Pick<Check, "id" | "status"> }) {
  const status = CHECK_STATUS[check.status];
  return (
    <>
      <span className="font-medium">{CHECK_TITLES[check.id]}:</span>{" "}
      <span className={`font-medium ${status.className}`}>{status.word}</span>
    </>
  );
}
