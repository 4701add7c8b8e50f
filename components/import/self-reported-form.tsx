"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

interface Failure {
  error: string;
  fieldErrors?: Record<string, string[]>;
}

class SubmitError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error);
  }
}

async function submitSelfReported(form: FormData): Promise<{ credentialId: string; title: string }> {
  const response = await fetch("/api/imports/self-reported", { method: "POST", body: form });
  const json = (await response
    .json()
    .catch(() => ({ error: "The certificate could not be saved. Try again." }))) as Failure & {
    credentialId?: string;
    title?: string;
  };
  if (!response.ok || !json.credentialId) throw new SubmitError(json);
  return { credentialId: json.credentialId, title: json.title ?? "" };
}

/** A paper or PDF certificate the holder describes, with the file as evidence. */
export function SelfReportedForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({ mutationFn: submitSelfReported, onSuccess: () => formRef.current?.reset() });
  const fieldErrors = save.error instanceof SubmitError ? save.error.failure.fieldErrors : undefined;
  const err = (name: string) => fieldErrors?.[name]?.[0];
  return (
    <form
      ref={formRef}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(new FormData(e.currentTarget));
      }}
    >
      <div className="sm:col-span-2">
        <TextField
          label="Title"
          name="title"
          required
          maxLength={300}
          error={err("title")}
          placeholder="e.g. Basic Life Support (BLS)"
        />
      </div>
      <TextField
        label="Issued by"
        name="issuer"
        required
        maxLength={200}
        error={err("issuer")}
        placeholder="e.g. Resuscitation Council UK"
      />
      <TextField label="Date completed" name="issuedOn" type="date" required error={err("issuedOn")} />
      <TextField
        label="Learning hours (optional)"
        name="hours"
        type="number"
        min={0}
        max={10000}
        step="0.5"
        inputMode="decimal"
        error={err("hours")}
      />
      <TextField label="Expires on (optional)" name="validUntil" type="date" error={err("validUntil")} />
      <div className="flex flex-col gap-1.5 sm:col-span-2">
        <label htmlFor="notes" className="text-sm font-medium">
          Notes (optional)
        </label>
        <textarea
          id="notes"
          name="notes"
          maxLength={2000}
          rows={3}
          className="rounded-lg border border-slate-400 bg-white p-3 dark:border-slate-500 dark:bg-slate-950"
        />
      </div>
      <div className="flex flex-col gap-1.5 sm:col-span-2">
        <label htmlFor="evidence" className="text-sm font-medium">
          Certificate file (PDF or image, up to 10 MB)
        </label>
        <input
          id="evidence"
          name="evidence"
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          aria-describedby={err("evidence") ? "evidence-error" : undefined}
          className="max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-slate-200 file:px-4 file:font-semibold dark:file:bg-slate-700"
        />
        {err("evidence") ? (
          <p id="evidence-error" className="text-sm font-medium text-red-700 dark:text-red-300">
            {err("evidence")}
          </p>
        ) : null}
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Add to wallet"}
        </Button>
      </div>
      <div className="sm:col-span-2" aria-live="polite">
        {save.error && !fieldErrors ? <Alert tone="error">{save.error.message}</Alert> : null}
        {save.data ? (
          <Alert tone="success" title="Added as self-reported">
            <Link className="underline" href="/wallet">
              {save.data.title} is in your wallet
            </Link>
            , marked as not verified.
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
