"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImportProgress } from "./import-progress";
import { startImport } from "./start-import";

/** Paste JSON, a JWT, or a link to a credential. */
export function TextImport() {
  const id = useId();
  const [text, setText] = useState("");
  const submit = useMutation({ mutationFn: (value: string) => startImport({ text: value }) });
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate(text);
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        Credential JSON, token or link
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700 dark:text-slate-300">
        A link can be your badge&rsquo;s public page on Credly, Canvas Credentials (Badgr), Accredible or VerifierPlus:
        Tessera fetches the badge&rsquo;s data from there.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={5}
        spellCheck={false}
        className="rounded-lg border border-slate-400 bg-white p-3 font-mono text-sm dark:border-slate-500 dark:bg-slate-950"
        placeholder="{ … }, eyJhbGciOi… or https://…"
      />
      <div>
        <Button type="submit" disabled={submit.isPending || text.trim().length === 0}>
          {submit.isPending ? "Starting…" : "Import"}
        </Button>
      </div>
      {submit.error ? <Alert tone="error">{submit.error.message}</Alert> : null}
      {submit.data ? <ImportProgress key={submit.data} jobId={submit.data} /> : null}
    </form>
  );
}
