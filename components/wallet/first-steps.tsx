import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import type { FirstStep } from "@/lib/first-steps/steps";
import { DismissFirstSteps } from "./dismiss-first-steps";

/**
 * A newcomer's checklist on the wallet (issue 18). Each tick comes from the holder's own data, and
 * says so in words as well as by icon; the list goes away when every step is done or when the
 * holder dismisses it (stored per holder).
 */
export function FirstSteps({ steps }: { steps: FirstStep[] }) {
  const done = steps.filter((step) => step.done).length;
  return (
    <section
      aria-labelledby="first-steps-heading"
      className="mb-6 rounded-2xl border border-brand-200 bg-brand-50 p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="first-steps-heading" className="text-lg font-semibold">
            First steps
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {done} of {steps.length} done. Each step ticks itself when you have done it.
          </p>
        </div>
        <DismissFirstSteps />
      </div>
      <ol className="mt-3 flex flex-col gap-2">
        {steps.map((step) => (
          <li key={step.key} className="flex items-start gap-2">
            {step.done ? (
              <CheckCircle2
                className="mt-0.5 h-5 w-5 shrink-0 text-emerald-700 dark:text-emerald-300"
                aria-hidden="true"
              />
            ) : (
              <Circle className="mt-0.5 h-5 w-5 shrink-0 text-slate-500" aria-hidden="true" />
            )}
            <div className="min-w-0">
              {step.done ? (
                <p className="font-medium">
                  {step.label}{" "}
                  <span className="text-sm font-normal text-emerald-800 dark:text-emerald-200">(done)</span>
                </p>
              ) : (
                <p className="font-medium">
                  <Link href={step.href} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
                    {step.label}
                  </Link>{" "}
                  <span className="text-sm font-normal text-slate-600 dark:text-slate-400">(not yet)</span>
                </p>
              )}
              <p className="text-sm text-slate-700 dark:text-slate-300">{step.hint}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
