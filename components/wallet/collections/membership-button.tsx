"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addToCollectionAction, removeFromCollectionAction } from "@/app/(wallet)/wallet/collections/actions";
import { Button } from "@/components/ui/button";

/** Adds one credential to, or removes it from, the collection on this page. */
export function MembershipButton({
  collectionId,
  credentialId,
  title,
  member,
}: {
  collectionId: string;
  credentialId: string;
  title: string;
  member: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const label = member ? "Remove" : "Add";
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant={member ? "ghost" : "secondary"}
        disabled={pending}
        aria-label={`${label} “${title}” ${member ? "from" : "to"} this collection`}
        onClick={() =>
          startTransition(async () => {
            const input = { collectionId, credentialIds: [credentialId] };
            const result = member ? await removeFromCollectionAction(input) : await addToCollectionAction(input);
            if (result.ok) {
              setError(null);
              router.refresh();
            } else setError(result.message);
          })
        }
      >
        {pending ? "…" : label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
