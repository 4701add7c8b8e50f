"use client";

import { useState, useTransition } from "react";
import { addEmailAddressAction } from "@/app/(wallet)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { maskEmail } from "@/lib/identities/unconfirmed-recipient";

/**
 * Shown when a credential was issued to an address of the holder's that Tessera does not know yet:
 * one click mails the confirmation link, and confirming it turns the credential's verdict.
 */
export function UnconfirmedRecipient({ emails }: { emails: string[] }) {
  const [sent, setSent] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();

  function add(email: string) {
    setError(null);
    startTransition(async () => {
      const result = await addEmailAddressAction({ email });
      if (result.ok) setSent((before) => ({ ...before, [email]: result.data.sentTo }));
      else setError(result.message);
    });
  }

  return (
    <div className="mt-4 flex flex-col gap-3">
      {emails.map((email) => (
        <Alert key={email} tone="info" title={`Issued to ${maskEmail(email)}`}>
          <span className="block">Add and confirm this address to show it is yours.</span>
          {sent[email] ? (
            <span className="mt-2 block">
              We sent a confirmation link to <span className="break-all">{sent[email]}</span>. Open it while signed in.
            </span>
          ) : (
            <span className="mt-2 block">
              <Button variant="secondary" onClick={() => add(email)} disabled={busy}>
                Add this address
              </Button>
            </span>
          )}
        </Alert>
      ))}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
