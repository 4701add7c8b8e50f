"use client";

import { useRouter } from "next/navigation";
import { useActionState, useTransition } from "react";
import { resetActivityAction, saveActivityAction } from "@/app/(wallet)/renewal/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RECORD_KIND_LABELS, RECORD_KINDS, type RecordKind } from "@/lib/cpd/profile-schema";

export interface ActivityEditorValues {
  credentialId: string;
  title: string;
  hours: number | null;
  derivedHours: string;
  participatory: boolean | null;
  topics: string[] | null;
  recordKinds: RecordKind[];
  excluded: boolean;
  overridden: boolean;
}

const input =
  "min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-base dark:border-slate-500 dark:bg-slate-950";

/** The holder's own figures for one credential as CPD; ids are prefixed so many editors share a page. */
export function ActivityEditor({ values }: { values: ActivityEditorValues }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(saveActivityAction, null);
  const [resetting, startReset] = useTransition();
  const p = `activity-${values.credentialId}`;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <details className="rounded-xl border border-slate-200 px-3 py-2 dark:border-slate-700">
      <summary className="min-h-11 cursor-pointer content-center text-sm font-semibold text-brand-800 dark:text-brand-300">
        Change how it counts<span className="sr-only">: {values.title}</span>
      </summary>
      <form action={formAction} className="mt-3 flex flex-col gap-4" aria-label={`How ${values.title} counts`}>
        <input type="hidden" name="credentialId" value={values.credentialId} />
        <input type="hidden" name="kindsChosen" value="1" />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${p}-hours`} className="text-sm font-medium">
            Hours
          </label>
          <p id={`${p}-hours-hint`} className="text-sm text-slate-600 dark:text-slate-400">
            Leave empty to use {values.derivedHours}.
          </p>
          <input
            id={`${p}-hours`}
            name="hours"
            inputMode="decimal"
            defaultValue={values.hours ?? ""}
            aria-describedby={`${p}-hours-hint`}
            aria-invalid={errors?.hours ? true : undefined}
            className={input}
          />
          {errors?.hours ? (
            <p className="text-sm font-medium text-red-700 dark:text-red-300">{errors.hours[0]}</p>
          ) : null}
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">Participatory (learning with other professionals)</legend>
          {(
            [
              ["auto", "As Tessera works it out (tag or form of participation)"],
              ["yes", "Yes, participatory"],
              ["no", "No, individual learning"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name="participatory"
                value={value}
                defaultChecked={
                  (values.participatory === null ? "auto" : values.participatory ? "yes" : "no") === value
                }
                className="h-5 w-5"
              />
              {label}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${p}-topics`} className="text-sm font-medium">
            Topics
          </label>
          <p id={`${p}-topics-hint`} className="text-sm text-slate-600 dark:text-slate-400">
            Separate topics with commas. Leave empty to match the credential&apos;s skills, outcomes, title and tags.
          </p>
          <input
            id={`${p}-topics`}
            name="topics"
            defaultValue={values.topics?.join(", ") ?? ""}
            aria-describedby={`${p}-topics-hint`}
            className={input}
          />
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">This record is</legend>
          {RECORD_KINDS.map((kind) => (
            <label key={kind} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="recordKinds"
                value={kind}
                defaultChecked={values.recordKinds.includes(kind)}
                className="h-5 w-5"
              />
              {RECORD_KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="excluded" defaultChecked={values.excluded} className="h-5 w-5" />
          Leave this credential out of my CPD
        </label>
        {state?.ok ? <Alert tone="success">Saved.</Alert> : null}
        {state && !state.ok && !errors?.hours ? <Alert tone="error">{state.message}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
          {values.overridden ? (
            <Button
              type="button"
              variant="ghost"
              disabled={resetting}
              onClick={() =>
                startReset(async () => {
                  await resetActivityAction({ credentialId: values.credentialId });
                  router.refresh();
                })
              }
            >
              Use what the credential says
            </Button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
