"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/webauthn";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removePasskeyAction } from "@/app/(wallet)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface Passkey {
  credentialId: string;
  deviceType: string;
  backedUp: boolean;
}

export function Passkeys({ passkeys }: { passkeys: Passkey[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function addPasskey() {
    setMessage(null);
    startTransition(async () => {
      try {
        await signIn("passkey", { action: "register", redirect: false });
        setMessage({ tone: "success", text: "Passkey added. You can now sign in with it." });
        router.refresh();
      } catch {
        setMessage({
          tone: "error",
          text: "The passkey was not added. Your device may have cancelled the request; try again.",
        });
      }
    });
  }

  function remove(credentialId: string) {
    startTransition(async () => {
      const result = await removePasskeyAction({ credentialId });
      setMessage(result.ok ? { tone: "success", text: "Passkey removed." } : { tone: "error", text: result.message });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      {passkeys.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">
          No passkeys yet. A passkey lets you sign in with your phone&apos;s fingerprint, face or screen lock instead of
          an email link.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {passkeys.map((key, index) => (
            <li key={key.credentialId} className="flex items-center justify-between gap-3 px-4 py-3">
              <span className="flex items-center gap-2">
                <KeyRound className="h-4 w-4" aria-hidden="true" />
                <span>
                  Passkey {index + 1}
                  <span className="block text-sm text-slate-600 dark:text-slate-400">
                    {key.deviceType === "multiDevice" ? "Synced across your devices" : "On one device"}
                    {key.backedUp ? ", backed up" : ""}
                  </span>
                </span>
              </span>
              <Button
                variant="ghost"
                onClick={() => remove(key.credentialId)}
                disabled={pending}
                aria-label={`Remove passkey ${index + 1}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div>
        <Button variant="secondary" onClick={addPasskey} disabled={pending}>
          <KeyRound className="h-4 w-4" aria-hidden="true" />
          Add a passkey
        </Button>
      </div>
    </div>
  );
}
