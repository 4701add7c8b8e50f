"use client";

import { useActionState } from "react";
import { requestMagicLinkAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function EmailSignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState(requestMagicLinkAction, null);
  const failure = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        maxLength={254}
        placeholder="name@example.org"
        error={failure?.fieldErrors?.email?.[0]}
      />
      {failure && !failure.fieldErrors?.email ? <Alert tone="error">{failure.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
