"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/webauthn";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SignInLabels } from "./sign-in-labels";

export function PasskeySignInButton({
  callbackUrl,
  labels,
}: {
  callbackUrl?: string;
  labels: SignInLabels["passkey"];
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setError(null);
    setPending(true);
    try {
      await signIn("passkey", { redirectTo: callbackUrl ?? "/wallet" });
    } catch {
      setError(labels.failed);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <Button type="button" variant="secondary" onClick={handleClick} disabled={pending}>
        <KeyRound className="h-4 w-4" aria-hidden="true" />
        {pending ? labels.waiting : labels.button}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
