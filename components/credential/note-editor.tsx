"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { saveNoteAction } from "@/app/(wallet)/credentials/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction, failureMessage } from "./action-call";
import { cleanNote, noteCountText, noteProblem } from "./annotation-rules";

/**
 * The holder's note. Saving is optimistic: the note counts as saved at once and goes back to
 * the last saved text if the server refuses it (the draft stays in the box, so nothing typed is lost).
 */
export function NoteEditor({ credentialId, initialNote }: { credentialId: string; initialNote: string }) {
  const id = useId();
  const [draft, setDraft] = useState(initialNote);
  const [saved, setSaved] = useState(initialNote);
  const [problem, setProblem] = useState<string | null>(null);
  const [announced, setAnnounced] = useState("");
  const typed = useRef(false);
  const save = useMutation({
    mutationFn: (note: string) => callAction(() => saveNoteAction({ credentialId, note })),
    onMutate: (note) => {
      const previous = saved;
      setSaved(cleanNote(note));
      return { previous };
    },
    onError: (_error, _note, context) => {
      if (context) setSaved(context.previous);
    },
    onSuccess: (data, sent) => {
      setSaved(data.note);
      setDraft((current) => (current === sent ? data.note : current));
    },
  });

  // The count is announced politely once typing pauses, not on every key (and not on page load).
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => setAnnounced(noteCountText(draft)), 900);
    return () => clearTimeout(timer);
  }, [draft]);

  const dirty = cleanNote(draft) !== saved;
  const over = noteProblem(draft) !== null;
  const status = save.isPending
    ? "Saving note…"
    : save.isError
      ? null
      : dirty
        ? "Unsaved changes"
        : save.isSuccess
          ? "Note saved."
          : null;

  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const refusal = noteProblem(draft);
        setProblem(refusal);
        if (!refusal) save.mutate(draft);
      }}
    >
      <label htmlFor={`${id}-note`} className="font-medium">
        Your note
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        Only you see it. It is never added to the credential or shared.
      </p>
      <textarea
        id={`${id}-note`}
        value={draft}
        rows={4}
        onChange={(e) => {
          typed.current = true;
          setDraft(e.target.value);
          if (problem && !noteProblem(e.target.value)) setProblem(null);
        }}
        aria-describedby={`${id}-hint ${id}-count${problem ? ` ${id}-problem` : ""}`}
        aria-invalid={over ? true : undefined}
        className="rounded-lg border border-slate-400 bg-white p-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
      />
      <p
        id={`${id}-count`}
        className={`text-sm ${over ? "font-semibold text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`}
      >
        {noteCountText(draft)}
      </p>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          Save note
        </Button>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {status}
        </p>
      </div>
      {save.isError ? <Alert tone="error">{`Your note was not saved: ${failureMessage(save.error)}`}</Alert> : null}
    </form>
  );
}
