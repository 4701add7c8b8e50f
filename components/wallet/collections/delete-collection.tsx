"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteCollectionAction } from "@/app/(wallet)/wallet/collections/actions";
import { ConfirmStep } from "@/components/ui/confirm-step";

/** Deletes the collection after a second, explicit step; the credentials in it stay in the wallet. */
export function DeleteCollection({ collectionId, name }: { collectionId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <ConfirmStep
      trigger="Delete collection"
      question={`Delete the collection “${name}”? The credentials in it stay in your wallet.`}
      confirmLabel="Yes, delete collection"
      pendingLabel="Deleting…"
      pending={pending}
      error={error}
      onConfirm={() =>
        startTransition(async () => {
          const result = await deleteCollectionAction({ collectionId });
          if (result.ok) router.push("/wallet/collections");
          else setError(result.message);
        })
      }
    />
  );
}
