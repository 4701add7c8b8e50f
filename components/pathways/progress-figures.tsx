import { CircleCheck } from "lucide-react";
import type { PathwayDefinition, PathwayProgress } from "@/lib/stacking";
import { completionText, hoursText, percentText, unitsText, type UnitCount } from "./progress-text";

/**
 * A pathway's progress: a native progress bar named by the figures beside it, the requirements
 * met, the share, and the notional hours done. The same block on cards and in the stack view.
 */
export function ProgressFigures({
  idBase,
  progress,
  units,
}: {
  idBase: string;
  progress: PathwayProgress;
  units: UnitCount;
}) {
  const textId = `${idBase}-progress`;
  return (
    <div className="flex flex-col gap-1.5">
      <progress
        value={progress.percentByCount}
        max={100}
        aria-labelledby={textId}
        className="h-3 w-full appearance-none overflow-hidden rounded-full border border-slate-500 bg-slate-100 dark:border-slate-400 dark:bg-slate-800 [&::-moz-progress-bar]:bg-brand-700 dark:[&::-moz-progress-bar]:bg-brand-300 [&::-webkit-progress-bar]:bg-slate-100 dark:[&::-webkit-progress-bar]:bg-slate-800 [&::-webkit-progress-value]:bg-brand-700 dark:[&::-webkit-progress-value]:bg-brand-300"
      />
      <p id={textId} className="text-sm">
        <span className="font-semibold">{unitsText(units)}</span>
        <span className="text-slate-700 dark:text-slate-300"> · {percentText(progress.percentByCount)}</span>
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">{hoursText(progress.weightHours)}</p>
    </div>
  );
}

/** "Complete" and whether the holder holds the target, or whom to ask for it. */
export function CompleteNote({ definition, progress }: { definition: PathwayDefinition; progress: PathwayProgress }) {
  return (
    <p className="flex items-start gap-2 text-sm">
      <CircleCheck className="mt-0.5 h-4 w-4 shrink-0 text-emerald-700 dark:text-emerald-300" aria-hidden="true" />
      <span>
        <span className="font-semibold">Complete</span>
        <span className="sr-only">:</span> {completionText(definition, progress)}
      </span>
    </p>
  );
}
