"use client";

import { useState, useTransition } from "react";
import { dismissFirstStepsAction } from "@/app/(wallet)/wallet/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { Button } from "@/components/ui/button";

/** Puts the checklist away; the action revalidates the wallet, which then renders without it. */
export function DismissFirstSteps() {
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setProblem(null);
            try {
              await callAction(() => dismissFirstStepsAction({}));
            } catch (error) {
              setProblem(failureMessage(error));
            }
          })
        }
      >
        {pending ? "Hiding…" : "Dismiss the checklist"}
      </Button>
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
