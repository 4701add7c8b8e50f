"use client";

import { useMutation } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { deleteCredentialAction } from "@/app/(wallet)/credentials/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction, failureMessage } from "./action-call";
import { plural } from "@/components/ui/format";

interface Props {
  credentialId: string;
  title: string;
  collectionCount: number;
  childCount: number;
}

/**
 * Deleting asks first, in a modal <dialog> that says exactly what goes. The browser keeps focus
 * inside it and Escape closes it; focus returns to the button that opened it.
 */
export function DeleteCredential({ credentialId, title, collectionCount, childCount }: Props) {
  const id = useId();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: () => callAction(() => deleteCredentialAction({ credentialId })),
    onSuccess: (data) => router.push(`/wallet?deleted=${encodeURIComponent(data.title || title)}`),
  });
  const busy = remove.isPending || remove.isSuccess;

  return (
    <>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        Deleting removes this credential and its original file from Tessera. It cannot be undone.
      </p>
      <Button
        ref={openerRef}
        variant="danger"
        onClick={() => {
          dialogRef.current?.showModal();
          // The safe choice has focus first.
          cancelRef.current?.focus();
        }}
      >
        <Trash2 className="h-4 w-4" aria-hidden="true" />
        Delete credential
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
        onClose={() => {
          remove.reset();
          openerRef.current?.focus();
        }}
        onCancel={(e) => {
          if (busy) e.preventDefault();
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Delete this credential permanently?
        </h2>
        <div id={`${id}-what`} className="mt-2 flex flex-col gap-2 text-sm">
          <p>
            <span className="font-semibold wrap-anywhere">“{title}”</span> will be removed from your wallet for good,
            with:
          </p>
          <ul className="list-disc pl-5">
            <li>the original file you imported</li>
            <li>your notes and tags on it</li>
            {collectionCount > 0 ? <li>its place in {plural(collectionCount, "collection")}</li> : null}
            <li>its part in your pathway progress and in any share links that include it</li>
          </ul>
          {childCount > 0 ? (
            <p>The {plural(childCount, "credential")} that came inside it stay in your wallet.</p>
          ) : null}
          <p>If you still have the file, you can import it again later.</p>
        </div>
        {remove.isError ? (
          <div className="mt-3">
            <Alert tone="error">{`Nothing was deleted: ${failureMessage(remove.error)}`}</Alert>
          </div>
        ) : null}
        <p role="status" className="sr-only">
          {busy ? "Deleting…" : ""}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <Button
            ref={cancelRef}
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => dialogRef.current?.close()}
          >
            Cancel
          </Button>
          <Button type="button" variant="danger" disabled={busy} onClick={() => remove.mutate()}>
            {busy ? "Deleting…" : "Delete permanently"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
