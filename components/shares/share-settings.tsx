"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { updateShareHeadlineAction, updateShareVisibilityAction } from "@/app/(wallet)/shares/actions";
import { ActionFailed, callAction, failureMessage } from "@/components/credential/action-call";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SHARE_HEADLINE_MAX_CHARS } from "@/lib/shares/limits";
import { announce } from "./announcer";
import { VISIBILITY_CHOICES, type Visibility, type VisibilityKey } from "./visibility-choices";

/**
 * Change a working link's headline, and what its page shows besides the credentials. Collapsed
 * by default so the list stays short on a phone; each box is saved as it is ticked.
 */
export function ShareSettings({
  shareId,
  headline,
  visibility,
}: {
  shareId: string;
  headline: string | null;
  visibility: Visibility;
}) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(headline ?? "");
  const [shown, setShown] = useState(visibility);
  const [failure, setFailure] = useState<string | null>(null);

  const saveHeadline = useMutation({
    mutationFn: (value: string) => callAction(() => updateShareHeadlineAction({ shareId, headline: value })),
    onMutate: () => setFailure(null),
    onError: (error) => {
      if (!(error instanceof ActionFailed && error.fieldErrors?.headline)) setFailure(failureMessage(error));
    },
    onSuccess: ({ headline: saved }) => {
      setText(saved ?? "");
      announce(saved ? "Headline saved." : "Headline removed.");
      router.refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: ({ key, on }: { key: VisibilityKey; on: boolean }) =>
      callAction(() => updateShareVisibilityAction({ shareId, [key]: on })),
    onMutate: () => setFailure(null),
    onError: (error, { key, on }) => {
      setShown((current) => ({ ...current, [key]: !on }));
      setFailure(`Not changed: ${failureMessage(error)}`);
    },
    onSuccess: (_data, { key, on }) => {
      const label = VISIBILITY_CHOICES.find((choice) => choice.key === key)!.short;
      announce(on ? `The page now shows ${label}.` : `The page no longer shows ${label}.`);
      router.refresh();
    },
  });
  const headlineError =
    saveHeadline.error instanceof ActionFailed ? saveHeadline.error.fieldErrors?.headline?.[0] : undefined;

  return (
    <details className="rounded-xl border border-slate-200 dark:border-slate-700">
      <summary className="flex min-h-11 cursor-pointer items-center rounded-xl px-3 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800">
        Change the headline or what the page shows
      </summary>
      <div className="flex flex-col gap-4 px-3 pt-1 pb-3">
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!saveHeadline.isPending) saveHeadline.mutate(text);
          }}
        >
          <TextField
            label="Headline (optional)"
            name={`${id}-headline`}
            value={text}
            maxLength={SHARE_HEADLINE_MAX_CHARS}
            autoComplete="off"
            hint="Shown at the top of the page and in link previews. Leave it empty to remove it."
            error={headlineError}
            onChange={(e) => setText(e.target.value)}
          />
          <div>
            <Button type="submit" variant="secondary" disabled={saveHeadline.isPending}>
              {saveHeadline.isPending ? "Saving…" : "Save headline"}
            </Button>
          </div>
        </form>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium">
            What the page shows besides your name and the credentials with their checks
          </legend>
          {VISIBILITY_CHOICES.map((choice) => (
            <div key={choice.key}>
              <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-100 dark:hover:bg-slate-800">
                <input
                  type="checkbox"
                  className="h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
                  checked={shown[choice.key]}
                  aria-describedby={`${id}-${choice.key}-hint`}
                  onChange={(e) => {
                    const on = e.target.checked;
                    setShown((current) => ({ ...current, [choice.key]: on }));
                    toggle.mutate({ key: choice.key, on });
                  }}
                />
                <span>{choice.label}</span>
              </label>
              <p id={`${id}-${choice.key}-hint`} className="pl-10 text-sm text-slate-600 dark:text-slate-400">
                {choice.hint}
              </p>
            </div>
          ))}
        </fieldset>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
      </div>
    </details>
  );
}
