"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { rotateWalletDidAction } from "@/app/(wallet)/settings/actions";
import { ShareLinkQr } from "@/components/shares/share-link-qr";
import { Button } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";

interface Props {
  current: string;
  previous: Array<{ did: string; retiredOn: string }>;
}

/** The holder's wallet DID to give an issuer, with copy and QR; older DIDs stay listed (and matching). */
export function WalletDid({ current, previous }: Props) {
  const router = useRouter();
  const field = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(current);
      setCopyStatus((before) => (before === "DID copied" ? "DID copied again" : "DID copied"));
    } catch {
      field.current?.select();
      setCopyStatus("Could not copy automatically. The DID is selected: copy it with your device’s copy command.");
    }
  };

  const rotate = () =>
    startTransition(async () => {
      const result = await rotateWalletDidAction({});
      if (!result.ok) setError(result.message);
      else {
        setError(null);
        setCopyStatus("");
        router.refresh();
      }
    });

  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700 dark:text-slate-300">
        Give this to an issuer that asks for your DID: credentials issued to it show as yours. Its private key stays
        encrypted on this server and signs the presentations you share.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor="wallet-did" className="text-sm font-medium">
          Your wallet DID
        </label>
        <input
          id="wallet-did"
          ref={field}
          readOnly
          value={current}
          className="w-full min-w-0 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={copy}>
          Copy DID
        </Button>
        <span role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {copyStatus}
        </span>
      </div>
      <ShareLinkQr url={current} label="QR code of your wallet DID" className="h-44 w-44" />
      {previous.length > 0 ? (
        <div>
          <h3 className="font-semibold">Previous DIDs</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Credentials issued to these still show as yours; nothing new is signed with them.
          </p>
          <ul className="mt-2 flex flex-col gap-2">
            {previous.map((row) => (
              <li key={row.did} className="text-sm">
                <span className="block break-all font-mono">{row.did}</span>
                <span className="text-slate-600 dark:text-slate-400">Replaced on {row.retiredOn}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConfirmStep
        key={current}
        trigger="Make a new DID…"
        question="Make a new wallet DID? Presentations will be signed with the new one; your current DID stays listed as previous and keeps matching credentials issued to it."
        confirmLabel="Make a new DID"
        pendingLabel="Making…"
        cancelLabel="Keep this one"
        pending={pending}
        error={error}
        onConfirm={rotate}
      />
    </div>
  );
}
