"use client";

import { useActionState } from "react";
import { updateProfileAction } from "@/app/(wallet)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function ProfileForm({ name, profession }: { name: string | null; profession: string | null }) {
  const [state, formAction, pending] = useActionState(updateProfileAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <TextField
        label="Your name"
        name="name"
        defaultValue={name ?? ""}
        maxLength={120}
        autoComplete="name"
        error={errors?.name?.[0]}
      />
      <TextField
        label="Profession"
        name="profession"
        defaultValue={profession ?? ""}
        maxLength={120}
        hint="Shown on your portfolio and share pages, e.g. Registered nurse, critical care."
        error={errors?.profession?.[0]}
      />
      {state?.ok ? <Alert tone="success">Profile saved.</Alert> : null}
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </form>
  );
}
