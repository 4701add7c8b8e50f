"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { deleteGoalAction } from "@/app/(wallet)/pathways/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { ConfirmStep } from "@/components/ui/confirm-step";

/** Deletes a goal after a second, explicit step; the credentials it counts stay in the wallet. */
export function DeleteGoal({ pathwayId, title }: { pathwayId: string; title: string }) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => callAction(() => deleteGoalAction({ pathwayId })),
    onSuccess: () => router.push("/pathways"),
  });
  return (
    <ConfirmStep
      trigger="Delete goal"
      question={`Delete the goal “${title}”? The credentials it counts stay in your wallet.`}
      confirmLabel="Yes, delete goal"
      pendingLabel="Deleting…"
      pending={remove.isPending || remove.isSuccess}
      error={remove.isError ? failureMessage(remove.error) : null}
      onConfirm={() => remove.mutate()}
    />
  );
}
