"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createCollectionAction, updateCollectionAction } from "@/app/(wallet)/wallet/collections/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { COLLECTION_DESCRIPTION_MAX_CHARS, COLLECTION_NAME_MAX_CHARS } from "@/lib/wallet/limits";

/** Create a collection (then open it), or rename and describe an existing one. */
export function CollectionForm({
  collection,
}: {
  collection?: { id: string; name: string; description: string | null };
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; name?: string; description?: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const editing = collection !== undefined;

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const fields = { name: String(data.get("name") ?? ""), description: String(data.get("description") ?? "") };
        setSaved(false);
        startTransition(async () => {
          const result = editing
            ? await updateCollectionAction({ collectionId: collection.id, ...fields })
            : await createCollectionAction(fields);
          if (!result.ok) {
            setError({
              message: result.message,
              name: result.fieldErrors?.name?.[0],
              description: result.fieldErrors?.description?.[0],
            });
            return;
          }
          setError(null);
          if (editing) {
            setSaved(true);
            router.refresh();
          } else router.push(`/wallet/collections/${result.data.id}`);
        });
      }}
    >
      <TextField
        label={editing ? "Name" : "New collection name"}
        name="name"
        required
        maxLength={COLLECTION_NAME_MAX_CHARS}
        defaultValue={collection?.name}
        placeholder={editing ? undefined : "e.g. ICU application"}
        error={error?.name}
      />
      <TextField
        label="Description (optional)"
        name="description"
        maxLength={COLLECTION_DESCRIPTION_MAX_CHARS}
        defaultValue={collection?.description ?? ""}
        hint="Only you see this, unless you share the collection."
        error={error?.description}
      />
      {error && !error.name && !error.description ? <Alert tone="error">{error.message}</Alert> : null}
      {saved ? <Alert tone="success">Collection saved.</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save collection" : "Create collection"}
        </Button>
      </div>
    </form>
  );
}
