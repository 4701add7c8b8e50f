"use client";

import { QrCode, X } from "lucide-react";
import { useRef, useState, useTransition } from "react";
import { createShareAction } from "@/app/(wallet)/shares/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { Button } from "@/components/ui/button";
import { ShareLinkQr } from "./share-link-qr";

/** How long the link shown in person works: the shortest a link can be (it also appears on the Shares page, to revoke). */
const IN_PERSON_DAYS = 1;

/**
 * "Show to a recruiter" (issue 21): at an interview, the holder turns the phone round and the
 * recruiter scans a QR code of a fresh link to this one credential, which works for a day.
 */
export function ShowToRecruiter({ credentialId, title }: { credentialId: string; title: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const show = () =>
    startTransition(async () => {
      setError(null);
      try {
        const created = await callAction(() =>
          createShareAction({
            scope: "credential",
            credentialId,
            expiry: IN_PERSON_DAYS,
            headline: "Shown in person",
          }),
        );
        setUrl(created.url);
        dialog.current?.showModal();
      } catch (failure) {
        setError(failureMessage(failure));
      }
    });

  return (
    <div>
      <Button type="button" variant="secondary" onClick={show} disabled={pending}>
        <QrCode className="h-4 w-4" aria-hidden="true" />
        {pending ? "Making a link…" : "Show to a recruiter"}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="show-to-recruiter-title"
        className="m-0 h-dvh max-h-none w-full max-w-none bg-white p-5 text-slate-900 backdrop:bg-slate-950/80"
        onClose={() => setUrl(null)}
      >
        <div className="mx-auto flex h-full max-w-md flex-col items-center justify-center gap-4 text-center">
          <h2 id="show-to-recruiter-title" className="break-words text-xl font-bold">
            {title}
          </h2>
          {url ? <ShareLinkQr url={url} className="w-full max-w-80" /> : null}
          <p className="text-sm text-slate-700">
            Scan to check it live. This link works for one day; revoke it any time on the Shares page.
          </p>
          {url ? <p className="break-all font-mono text-xs text-slate-700">{url}</p> : null}
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            <X className="h-4 w-4" aria-hidden="true" />
            Close
          </Button>
        </div>
      </dialog>
    </div>
  );
}
