"use client";

import { useId, useState, useTransition } from "react";
import {
  confirmMentionedHoursAction,
  setCreditUnitAction,
  undoHolderWorkloadAction,
} from "@/app/(wallet)/credentials/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { callAction, failureMessage } from "./action-call";

/**
 * The holder's side of workload (issue 18): count hours the credential's text mentions, say what a
 * unit-less credit is, and undo either. Each action revalidates the page, so what it shows next is
 * what the server stored; this island only says "working" and why a refusal happened.
 */
function useHolderAction() {
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => {
    setProblem(null);
    startTransition(async () => {
      try {
        await action();
      } catch (error) {
        setProblem(failureMessage(error));
      }
    });
  };
  return { pending, problem, run };
}

function Problem({ text }: { text: string | null }) {
  return text ? (
    <div className="mt-2">
      <Alert tone="error">{text}</Alert>
    </div>
  ) : null;
}

export function MentionedHoursOffer({
  credentialId,
  hours,
  quote,
}: {
  credentialId: string;
  hours: number;
  quote: string;
}) {
  const { pending, problem, run } = useHolderAction();
  const figure = formatNumber(hours);
  return (
    <div className="mt-2 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-800">
      <p>
        This credential&apos;s text mentions {figure} hours — count them?{" "}
        <span className="text-slate-600 dark:text-slate-400">(It says “{quote}”.)</span>
      </p>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        They will be counted as holder-set hours: the credential itself is not changed.
      </p>
      <div className="mt-2">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => callAction(() => confirmMentionedHoursAction({ credentialId })))}
        >
          {pending ? "Counting…" : `Count ${figure} hours`}
        </Button>
      </div>
      <Problem text={problem} />
    </div>
  );
}

export function UndoHolderWorkload({
  credentialId,
  what,
  label,
}: {
  credentialId: string;
  what: "mentioned-hours" | "credit-unit";
  label: string;
}) {
  const { pending, problem, run } = useHolderAction();
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="ml-1 min-h-11 px-2 underline"
        disabled={pending}
        onClick={() => run(() => callAction(() => undoHolderWorkloadAction({ credentialId, what })))}
      >
        {pending ? "Undoing…" : label}
      </Button>
      <Problem text={problem} />
    </>
  );
}

const UNITS = [
  { value: "ects", label: "ECTS credits (counted as ECTS)" },
  { value: "hours", label: "Hours of learning, e.g. CE contact hours (counted as hours)" },
  { value: "other", label: "Another kind of credit (kept, not counted)" },
] as const;

export function CreditUnitForm({ credentialId }: { credentialId: string }) {
  const id = useId();
  const { pending, problem, run } = useHolderAction();
  return (
    <form
      className="mt-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const unit = new FormData(e.currentTarget).get("unit");
        if (unit !== "ects" && unit !== "hours" && unit !== "other") return;
        run(() => callAction(() => setCreditUnitAction({ credentialId, unit })));
      }}
    >
      <fieldset>
        <legend className="font-medium">What is this credit? It is counted only once you say.</legend>
        {UNITS.map((unit) => (
          <div key={unit.value} className="mt-1 flex items-start gap-2">
            <input
              type="radio"
              id={`${id}-${unit.value}`}
              name="unit"
              value={unit.value}
              required
              className="mt-1 h-4 w-4"
            />
            <label htmlFor={`${id}-${unit.value}`}>{unit.label}</label>
          </div>
        ))}
      </fieldset>
      <div className="mt-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save the unit"}
        </Button>
      </div>
      <Problem text={problem} />
    </form>
  );
}
