import { CircleAlert, CircleCheck, CircleDashed, CircleHelp, CircleX } from "lucide-react";

export type PillState = "verified" | "not-verified" | "unknown" | "unchecked" | "self-reported";

const STYLES: Record<PillState, { label: string; icon: typeof CircleCheck; className: string }> = {
  verified: {
    label: "Verified",
    icon: CircleCheck,
    className:
      "border-emerald-500 bg-emerald-50 text-emerald-900 dark:border-emerald-600 dark:bg-emerald-950 dark:text-emerald-100",
  },
  "not-verified": {
    label: "Not verified",
    icon: CircleX,
    className: "border-red-500 bg-red-50 text-red-900 dark:border-red-600 dark:bg-red-950 dark:text-red-100",
  },
  unknown: {
    label: "Could not fully check",
    icon: CircleHelp,
    className:
      "border-amber-500 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100",
  },
  unchecked: {
    label: "Not checked yet",
    icon: CircleDashed,
    className: "border-slate-300 bg-white text-slate-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300",
  },
  "self-reported": {
    label: "Self-reported, not verified",
    icon: CircleAlert,
    className:
      "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100",
  },
};

export function pillState(verdict: string | null, selfReported: boolean): PillState {
  if (selfReported) return "self-reported";
  if (verdict === "verified" || verdict === "not-verified" || verdict === "unknown") return verdict;
  return "unchecked";
}

/**
 * The verdict in words and an icon, never by colour alone. Translated pages pass the label in the
 * reader's language (VerificationWords.pills); the English one is for pages not translated yet.
 */
export function VerificationPill({ state, label }: { state: PillState; label?: string }) {
  const { label: english, icon: Icon, className } = STYLES[state];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${className}`}
    >
      <Icon className="h-3.5 w-3.5" aria-hidden="true" />
      {label ?? english}
    </span>
  );
}
