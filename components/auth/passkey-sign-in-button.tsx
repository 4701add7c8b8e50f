"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/webauthn";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function PasskeySignInButton({ callbackUrl }: { callbackUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setError(null);
    setPending(true);
    try {
      await signIn("passkey", { redirectTo: callbackUrl ?? "/wallet" });
    } catch {
      setError("Signing in with a passkey did not work. Try again, or use an email link.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <Button type="button" variant="secondary" onClick={handleClick} disabled={pending}>
        <KeyRound className="h-4 w-4" aria-hidden="true" />
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
