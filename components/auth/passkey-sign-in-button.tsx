"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/webauthn";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function PasskeySignInButton({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setError(null);
    setPending(true);
    try {
      await signIn("passkey", { redirectTo: callbackUrl ?? "/wallet" });
    } catch {
      setError(t("auth.passkeyFailed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <Button type="button" variant="secondary" onClick={handleClick} disabled={pending}>
        <KeyRound className="h-4 w-4" aria-hidden="true" />
        {pending ? t("auth.passkeyWaiting") : t("auth.passkeyButton")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
