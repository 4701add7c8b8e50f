"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteCollectionAction } from "@/app/(wallet)/wallet/collections/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Two steps, so a stray tap on a phone never deletes; the credentials stay in the wallet. */
export function DeleteCollection({ collectionId, name }: { collectionId: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Delete collection
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3" role="group" aria-labelledby="delete-collection-question">
      <p id="delete-collection-question">Delete the collection “{name}”? The credentials in it stay in your wallet.</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await deleteCollectionAction({ collectionId });
              if (result.ok) router.push("/wallet/collections");
              else setError(result.message);
            })
          }
        >
          {pending ? "Deleting…" : "Yes, delete collection"}
        </Button>
        <Button type="button" variant="ghost" autoFocus onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
