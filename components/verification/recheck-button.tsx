"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { recheckCredentialAction } from "@/app/(wallet)/credentials/actions";
import { Button } from "@/components/ui/button";

export function RecheckButton({ credentialId }: { credentialId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await recheckCredentialAction({ credentialId });
            setMessage(result.ok ? "Checked again just now." : result.message);
            router.refresh();
          })
        }
      >
        <RefreshCw className={`h-4 w-4 ${pending ? "animate-spin" : ""}`} aria-hidden="true" />
        {pending ? "Checking…" : "Re-check now"}
      </Button>
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {message}
      </p>
    </div>
  );
}
