import { CircleCheck, CircleDashed } from "lucide-react";
import { amount } from "@/lib/cpd/report";
import type { RuleProgress } from "@/lib/cpd/engine";

const BAR =
  "h-3 w-full appearance-none overflow-hidden rounded-full border border-slate-500 bg-slate-100 dark:border-slate-400 dark:bg-slate-800 [&::-moz-progress-bar]:bg-brand-700 dark:[&::-moz-progress-bar]:bg-brand-300 [&::-webkit-progress-bar]:bg-slate-100 dark:[&::-webkit-progress-bar]:bg-slate-800 [&::-webkit-progress-value]:bg-brand-700 dark:[&::-webkit-progress-value]:bg-brand-300";

/** One rule: a native progress bar named by its figures, and what is missing in words. */
export function RuleProgressItem({ progress, idBase }: { progress: RuleProgress; idBase: string }) {
  const textId = `${idBase}-${progress.rule.id}`;
  const Icon = progress.met ? CircleCheck : CircleDashed;
  return (
    <li className="flex flex-col gap-1.5" aria-label={progress.rule.label}>
      <div className="flex items-start justify-between gap-3">
        <p className="font-medium">{progress.rule.label}</p>
        <p
          className={`flex shrink-0 items-center gap-1 text-sm font-semibold ${progress.met ? "text-emerald-800 dark:text-emerald-300" : "text-amber-900 dark:text-amber-200"}`}
        >
          <Icon className="h-4 w-4" aria-hidden="true" />
          {progress.met ? "Met" : `Missing ${amount(progress.missing, progress.unit)}`}
        </p>
      </div>
      <progress
        value={Math.min(progress.counted, progress.required)}
        max={progress.required}
        aria-labelledby={textId}
        className={BAR}
      />
      <p id={textId} className="text-sm text-slate-700 dark:text-slate-300">
        {progress.rule.label}: {amount(progress.counted, progress.unit)} of {amount(progress.required, progress.unit)}
        {progress.rule.exclusive ? " · a credential counted here counts toward no other required topic" : ""}
      </p>
    </li>
  );
}

export function RuleProgressList({ rules, idBase }: { rules: RuleProgress[]; idBase: string }) {
  return (
    <ul className="flex flex-col gap-4">
      {rules.map((r) => (
        <RuleProgressItem key={r.rule.id} progress={r} idBase={idBase} />
      ))}
    </ul>
  );
}

export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `Ended ${-daysLeft} ${daysLeft === -1 ? "day" : "days"} ago`;
  if (daysLeft === 0) return "Ends today";
  return `${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`;
}
