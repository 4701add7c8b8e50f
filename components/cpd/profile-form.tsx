"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createProfileAction } from "@/app/(wallet)/renewal/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const TOPIC_SLOTS = [0, 1, 2];

/** A holder's own requirement profile; the server builds it and checks it with the catalog's schema. */
export function CpdProfileForm() {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(createProfileAction, null);
  const problems = state && !state.ok ? (state.fieldErrors?.profile ?? [state.message]) : [];
  useEffect(() => {
    if (state?.ok) router.push("/renewal#profiles-heading");
  }, [state, router]);
  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      {problems.length > 0 ? (
        <Alert tone="error" title="This profile cannot be saved yet">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">About the profile</legend>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={120}
          hint="For example: St Mary's annual mandatory training."
        />
        <TextField
          label="Who sets the rules"
          name="regulator"
          required
          maxLength={120}
          hint="Your employer, regulator or professional body."
        />
        <TextField label="Profession (optional)" name="profession" maxLength={120} />
        <TextField label="Cycle length in months" name="cycleMonths" inputMode="numeric" required defaultValue="12" />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Hours</legend>
        <TextField label="Total hours (optional)" name="totalHours" inputMode="decimal" />
        <TextField
          label="Participatory hours (optional)"
          name="participatoryHours"
          inputMode="decimal"
          hint="Part of the total: learning with other professionals."
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Required topics (optional)</legend>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          A credential counts toward a topic when its skills, outcomes, title or tags name it, or when you set the topic
          on the activity.
        </p>
        {TOPIC_SLOTS.map((i) => (
          <div key={i} className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <TextField label={`Topic ${i + 1}`} name={`topic${i}`} maxLength={120} />
            <TextField label={`Topic ${i + 1} hours`} name={`topic${i}Hours`} inputMode="decimal" />
          </div>
        ))}
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="topicsExclusive" className="h-5 w-5" />
          One credential may count toward only one of these topics
        </label>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Records</legend>
        <TextField label="Reflective accounts needed (optional)" name="reflectiveAccounts" inputMode="numeric" />
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </form>
  );
}
