"use client";

import { useActionState, useState } from "react";
import { deleteAccountAction } from "@/app/(wallet)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function DeleteAccount({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(deleteAccountAction, null);
  const failure = state && !state.ok ? state : null;
  if (!open) {
    return (
      <div>
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <Alert tone="error" title="This cannot be undone">
        Your account, every credential and original file, your notes, collections, pathways goals and share links will
        be deleted. Recruiters holding your links will see that they no longer work. Export your wallet first if you
        want to keep a copy.
      </Alert>
      <TextField
        label={`Type ${email} to confirm`}
        name="confirmEmail"
        autoComplete="off"
        required
        error={failure?.fieldErrors?.confirmEmail?.[0]}
      />
      {failure && !failure.fieldErrors ? <Alert tone="error">{failure.message}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : "Delete everything"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
