"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { deleteGoalAction } from "@/app/(wallet)/pathways/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Two steps, so a stray tap on a phone never deletes; the credentials stay in the wallet. */
export function DeleteGoal({ pathwayId, title }: { pathwayId: string; title: string }) {
  const router = useRouter();
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => callAction(() => deleteGoalAction({ pathwayId })),
    onSuccess: () => router.push("/pathways"),
  });
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Delete goal
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="break-words">
        Delete the goal “{title}”? The credentials it counts stay in your wallet.
      </p>
      {remove.isError ? <Alert tone="error">{failureMessage(remove.error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" disabled={remove.isPending || remove.isSuccess} onClick={() => remove.mutate()}>
          {remove.isPending || remove.isSuccess ? "Deleting…" : "Yes, delete goal"}
        </Button>
        <Button type="button" variant="ghost" autoFocus onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
