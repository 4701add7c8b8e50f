import type { NextStep } from "@/lib/stacking";
import { nextStepText } from "./progress-text";

/** The cheapest way to completion, in order (the engine sorts by fewest known hours). */
export function NextSteps({ steps }: { steps: NextStep[] }) {
  if (steps.length === 0) return <p>Nothing left to do.</p>;
  return (
    <ol className="flex list-decimal flex-col gap-2 pl-6">
      {steps.map((step) => (
        <li key={step.requirementId} className="wrap-anywhere">
          {nextStepText(step)}
          {step.issuerName ? (
            <span className="block text-sm text-slate-700 dark:text-slate-300">From {step.issuerName}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
