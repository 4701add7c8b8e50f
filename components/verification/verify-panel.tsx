"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { VerifiedCredentialView } from "@/lib/verify-service/verify-upload";
import type { VerificationResult } from "@/lib/verification/types";
import { ChecksList } from "./checks-list";

type Response = VerifiedCredentialView & { contained?: VerifiedCredentialView[] };

async function verify(body: FormData | { text: string }): Promise<VerifiedCredentialView[]> {
  const response = await fetch("/api/v1/verify", {
    method: "POST",
    body: body instanceof FormData ? body : JSON.stringify(body),
    headers: body instanceof FormData ? undefined : { "content-type": "application/json" },
  });
  const json = (await response.json().catch(() => ({ error: "The check could not run. Try again." }))) as Response & {
    error?: string;
  };
  if (!response.ok) throw new Error(json.error ?? "The check could not run. Try again.");
  const { contained, ...first } = json;
  return [first, ...(contained ?? [])];
}

function ResultCard({ view }: { view: VerifiedCredentialView }) {
  const result = {
    verdict: view.verdict,
    checks: view.checks,
    checkedAt: view.checkedAt,
    proofFromCache: false,
  } as VerificationResult;
  return (
    <section
      aria-label={`Result for ${view.credential.title}`}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {view.credential.kind} · {view.formatLabel}
        </p>
        <h2 className="wrap-anywhere text-xl font-semibold">{view.credential.title}</h2>
        <p className="text-slate-700 dark:text-slate-300">Issued by {view.credential.issuer}</p>
        {view.credential.recipient ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">Issued to {view.credential.recipient}</p>
        ) : null}
      </div>
      <ChecksList result={result} />
    </section>
  );
}

/** The public verifier: a file, pasted JSON/JWT, or a link. Nothing is stored. */
export function VerifyPanel() {
  const fileId = useId();
  const textId = useId();
  const [text, setText] = useState("");
  const check = useMutation({ mutationFn: verify });
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <label htmlFor={fileId} className="font-medium">
            A credential file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,.jsonld,.jwt,.txt,.png,.svg,.xml"
            className="max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-slate-200 file:px-4 file:font-semibold dark:file:bg-slate-700"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const form = new FormData();
              form.append("file", file);
              check.mutate(form);
              e.target.value = "";
            }}
          />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Badge images (PNG, SVG), JSON, JWT or XML, up to 10 MB.
          </p>
        </div>
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            check.mutate({ text });
          }}
        >
          <label htmlFor={textId} className="font-medium">
            Or paste JSON, a JWT, or a link
          </label>
          <textarea
            id={textId}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            className="rounded-lg border border-slate-400 bg-white p-3 font-mono text-sm dark:border-slate-500 dark:bg-slate-950"
          />
          <div>
            <Button type="submit" disabled={check.isPending || text.trim().length === 0}>
              Check
            </Button>
          </div>
        </form>
      </div>
      <div aria-live="polite" className="flex flex-col gap-4">
        {check.isPending ? <p role="status">Checking…</p> : null}
        {check.error ? <Alert tone="error">{check.error.message}</Alert> : null}
        {check.data?.map((view, index) => (
          <ResultCard key={index} view={view} />
        ))}
      </div>
    </div>
  );
}
