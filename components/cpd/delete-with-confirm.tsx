"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { deleteCycleAction, deleteProfileAction } from "@/app/(wallet)/renewal/actions";

/** Deletes a cycle or one of the holder's own profiles, in two steps. */
export function DeleteWithConfirm({
  target,
  id,
  trigger,
  question,
  redirectTo,
}: {
  target: "cycle" | "profile";
  id: string;
  trigger: string;
  question: ReactNode;
  redirectTo?: string;
}) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: (): Promise<unknown> =>
      target === "cycle"
        ? callAction(() => deleteCycleAction({ cycleId: id }))
        : callAction(() => deleteProfileAction({ profileId: id })),
    onSuccess: () => (redirectTo ? router.push(redirectTo) : router.refresh()),
  });
  return (
    <ConfirmStep
      trigger={trigger}
      question={question}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.isError ? failureMessage(remove.error) : null}
      onConfirm={() => remove.mutate()}
    />
  );
}
