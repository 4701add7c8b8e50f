"use client";

import { useActionState } from "react";
import { requestMagicLinkAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { SignInLabels } from "./sign-in-labels";

export function EmailSignInForm({ callbackUrl, labels }: { callbackUrl?: string; labels: SignInLabels["email"] }) {
  const [state, formAction, pending] = useActionState(requestMagicLinkAction, null);
  const failure = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        label={labels.label}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        dir="ltr"
        required
        maxLength={254}
        placeholder={labels.placeholder}
        error={failure?.fieldErrors?.email?.[0]}
      />
      {failure && !failure.fieldErrors?.email ? <Alert tone="error">{failure.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? labels.sending : labels.send}
      </Button>
    </form>
  );
}
