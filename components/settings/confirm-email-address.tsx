"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { confirmEmailAddressAction } from "@/app/(wallet)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Outcome = { ok: true; rechecked: number } | { ok: false; message: string };

export function ConfirmEmailAddress({ token, email }: { token: string; email: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await confirmEmailAddressAction({ token });
      setOutcome(result.ok ? { ok: true, rechecked: result.data.rechecked } : { ok: false, message: result.message });
    });
  }

  if (outcome?.ok)
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Address confirmed">
          <span className="break-all">{email}</span> is now one of your addresses.
          {outcome.rechecked > 0
            ? ` ${outcome.rechecked} credential${outcome.rechecked === 1 ? " was" : "s were"} checked again.`
            : ""}
        </Alert>
        <p className="flex flex-wrap gap-4">
          <Link href="/wallet" className="font-semibold text-brand-700 underline dark:text-brand-300">
            Go to your wallet
          </Link>
          <Link href="/settings" className="font-semibold text-brand-700 underline dark:text-brand-300">
            Go to Settings
          </Link>
        </p>
      </div>
    );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700 dark:text-slate-300">
        Add <strong className="break-all">{email}</strong> to your wallet? Credentials issued to it will show as yours,
        and you will be able to sign in with it.
      </p>
      {outcome && !outcome.ok ? <Alert tone="error">{outcome.message}</Alert> : null}
      <div>
        <Button onClick={confirm} disabled={busy}>
          {busy ? "Confirming…" : "Confirm this address"}
        </Button>
      </div>
    </div>
  );
}
