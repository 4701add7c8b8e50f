"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PresentationView, VerifiedCredentialView } from "@/lib/verify-service/verify-upload";
import type { Check, VerificationResult } from "@/lib/verification/types";
import { CHECK_ICONS, CHECK_STATUS, CheckOutcome, CheckReason } from "./check-words";
import { ChecksList } from "./checks-list";
import { fillIn } from "./verification-words";
import type { VerifyPanelWords } from "./verify-panel-words";

type Response = VerifiedCredentialView & { contained?: VerifiedCredentialView[]; presentation?: PresentationView };

interface Outcome {
  results: VerifiedCredentialView[];
  presentation?: PresentationView;
}

/** The API's own error sentence is English (it serves programs too); it is marked as such where shown. */
class ApiError extends Error {}

async function verify(body: FormData | { text: string }, couldNotRun: string): Promise<Outcome> {
  const response = await fetch("/api/v1/verify", {
    method: "POST",
    body: body instanceof FormData ? body : JSON.stringify(body),
    headers: body instanceof FormData ? undefined : { "content-type": "application/json" },
  });
  const json = (await response.json().catch(() => ({}))) as Response & { error?: string };
  if (!response.ok) throw json.error ? new ApiError(json.error) : new Error(couldNotRun);
  const { contained, presentation, ...first } = json;
  return { results: [first, ...(contained ?? [])], ...(presentation ? { presentation } : {}) };
}

/** A presentation's own check: who signed it, for which challenge and domain, and whether they are the subject. */
function PresentationCard({ presentation, words }: { presentation: PresentationView; words: VerifyPanelWords }) {
  const check = presentation.check as Check;
  const Icon = CHECK_ICONS[check.status];
  // Shown in full, not under "Technical details": the recipient compares them with what they asked for.
  const facts = (
    [
      ["signer", words.signedBy],
      ["challenge", words.challenge],
      ["domain", words.domain],
      ["created", words.signedAt],
    ] as const
  ).filter(([key]) => check.details?.[key]);
  return (
    <section
      aria-label={words.presentationLabel}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">{words.presentationKind}</p>
        <h2 className="text-xl font-semibold">{words.presentationHeading}</h2>
      </div>
      <div className="flex gap-3">
        <Icon className={`mt-0.5 h-5 w-5 shrink-0 ${CHECK_STATUS[check.status].className}`} aria-hidden="true" />
        <div className="min-w-0">
          <p className="font-medium">
            <CheckOutcome check={check} words={words.verification} />
          </p>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <CheckReason reason={check.reason} />
          </p>
        </div>
      </div>
      {facts.length > 0 ? (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          {facts.map(([key, label]) => (
            <div key={key} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd className="font-mono break-all" dir="ltr">
                {check.details?.[key]}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

function ResultCard({ view, words }: { view: VerifiedCredentialView; words: VerifyPanelWords }) {
  const result = {
    verdict: view.verdict,
    checks: view.checks,
    checkedAt: view.checkedAt,
    proofFromCache: false,
  } as VerificationResult;
  return (
    <section
      aria-label={fillIn(words.resultFor, { title: view.credential.title })}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {words.kinds[view.credential.kind] ?? view.credential.kind} · <bdi>{view.formatLabel}</bdi>
        </p>
        <h2 dir="auto" className="wrap-anywhere text-xl font-semibold">
          {view.credential.title}
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          <Isolated template={words.issuedBy} name="issuer" value={view.credential.issuer} />
        </p>
        {view.credential.recipient ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <Isolated template={words.issuedTo} name="recipient" value={view.credential.recipient} />
          </p>
        ) : null}
      </div>
      <ChecksList result={result} words={words.verification} />
    </section>
  );
}

/** A translated sentence around an imported value, the value isolated (<bdi>) so its script cannot reorder the sentence. */
function Isolated({ template, name, value }: { template: string; name: string; value: string }) {
  const [before, after] = template.split(`{${name}}`);
  return (
    <>
      {before}
      <bdi>{value}</bdi>
      {after}
    </>
  );
}

/** The public verifier: a file, pasted JSON/JWT, or a link. Nothing is stored. */
export function VerifyPanel({ words }: { words: VerifyPanelWords }) {
  const fileId = useId();
  const textId = useId();
  const [text, setText] = useState("");
  const check = useMutation({ mutationFn: (body: FormData | { text: string }) => verify(body, words.couldNotRun) });
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <label htmlFor={fileId} className="font-medium">
            {words.fileLabel}
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
          <p className="text-sm text-slate-600 dark:text-slate-400">{words.fileHint}</p>
        </div>
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            check.mutate({ text });
          }}
        >
          <label htmlFor={textId} className="font-medium">
            {words.pasteLabel}
          </label>
          <textarea
            id={textId}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            dir="ltr"
            className="rounded-lg border border-slate-400 bg-white p-3 font-mono text-sm dark:border-slate-500 dark:bg-slate-950"
          />
          <div>
            <Button type="submit" disabled={check.isPending || text.trim().length === 0}>
              {words.check}
            </Button>
          </div>
        </form>
      </div>
      <div aria-live="polite" className="flex flex-col gap-4">
        {check.isPending ? <p role="status">{words.checking}</p> : null}
        {check.error ? (
          <Alert tone="error">
            {check.error instanceof ApiError ? (
              <span lang="en" dir="ltr">
                {check.error.message}
              </span>
            ) : (
              check.error.message
            )}
          </Alert>
        ) : null}
        {check.data?.presentation ? <PresentationCard presentation={check.data.presentation} words={words} /> : null}
        {check.data?.results.map((view, index) => (
          <ResultCard key={index} view={view} words={words} />
        ))}
      </div>
    </div>
  );
}
