"use client";

import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { saveTagsAction } from "@/app/(wallet)/credentials/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TAG_MAX_CHARS, TAGS_PER_CREDENTIAL_MAX } from "@/lib/wallet/limits";
import { callAction, failureMessage } from "./action-call";
import { addTag } from "./annotation-rules";

/** The holder's own tags: each links to the wallet filtered by it. Changes show at once and roll back if refused. */
export function TagEditor({ credentialId, initialTags }: { credentialId: string; initialTags: string[] }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef<string[] | null>(null);
  const [tags, setTags] = useState(initialTags);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const save = useMutation({
    mutationFn: (next: string[]) => callAction(() => saveTagsAction({ credentialId, tags: next })),
    onMutate: (next) => {
      const previous = tags;
      latest.current = next;
      setTags(next);
      return { previous };
    },
    onError: (_error, sent, context) => {
      // Only the newest change rolls back; an older one is already superseded by it.
      if (context && sent === latest.current) setTags(context.previous);
      setMessage("");
    },
    onSuccess: (data, sent) => {
      if (sent === latest.current) setTags(data.tags);
    },
  });

  function add() {
    const result = addTag(tags, text);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setText("");
    setMessage(`Added tag ${result.tag}.`);
    save.mutate(result.tags);
  }

  function remove(tag: string) {
    setMessage(`Removed tag ${tag}.`);
    save.mutate(tags.filter((t) => t !== tag));
    // The chip's button disappears with it; keep the keyboard in the tag area.
    inputRef.current?.focus();
  }

  return (
    <div className="flex flex-col gap-3">
      {tags.length > 0 ? (
        <ul aria-label="Your tags" className="flex flex-wrap gap-2">
          {tags.map((tag) => (
            <li
              key={tag}
              className="inline-flex min-h-11 items-center rounded-full border border-slate-300 bg-slate-100 pl-3 dark:border-slate-600 dark:bg-slate-800"
            >
              <Link
                href={`/wallet?tag=${encodeURIComponent(tag)}`}
                className="break-all py-2 text-sm font-medium underline-offset-2 hover:underline"
              >
                {tag}
              </Link>
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => remove(tag)}
                className="ml-1 inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-700"
              >
                <X className="h-4 w-4" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No tags yet. Tags help you find credentials in your wallet, e.g. “ICU” or “Mandatory training”.
        </p>
      )}
      <form
        className="flex flex-col gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${id}-tag`} className="text-sm font-medium">
          New tag
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            ref={inputRef}
            id={`${id}-tag`}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (problem) setProblem(null);
            }}
            maxLength={TAG_MAX_CHARS * 2}
            autoComplete="off"
            aria-describedby={`${id}-tag-hint${problem ? ` ${id}-tag-problem` : ""}`}
            aria-invalid={problem ? true : undefined}
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
          />
          <Button type="submit" variant="secondary">
            Add tag
          </Button>
        </div>
        <p id={`${id}-tag-hint`} className="text-sm text-slate-600 dark:text-slate-400">
          Up to {TAG_MAX_CHARS} characters each, {TAGS_PER_CREDENTIAL_MAX} tags per credential.
        </p>
        {problem ? (
          <p id={`${id}-tag-problem`} role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
            {problem}
          </p>
        ) : null}
      </form>
      <p role="status" className="sr-only">
        {save.isError ? "" : message}
      </p>
      {save.isError ? <Alert tone="error">{`Your tags were not saved: ${failureMessage(save.error)}`}</Alert> : null}
    </div>
  );
}
