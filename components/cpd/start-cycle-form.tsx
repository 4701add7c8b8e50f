"use client";

import { useActionState } from "react";
import { startCycleAction } from "@/app/(wallet)/renewal/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export interface ProfileChoice {
  id: string;
  name: string;
  cycleMonths: number;
}

export function StartCycleForm({ profiles }: { profiles: ProfileChoice[] }) {
  const [state, formAction, pending] = useActionState(startCycleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="profileId" className="text-sm font-medium">
          Requirement profile
        </label>
        <select
          id="profileId"
          name="profileId"
          required
          className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-base dark:border-slate-500 dark:bg-slate-950"
          aria-invalid={errors?.profileId ? true : undefined}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.cycleMonths} months)
            </option>
          ))}
        </select>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label="Cycle starts on"
          name="startsOn"
          type="date"
          required
          error={errors?.startsOn?.[0]}
          hint="The day your current registration period began."
        />
        <TextField
          label="Cycle ends on (optional)"
          name="endsOn"
          type="date"
          error={errors?.endsOn?.[0]}
          hint="Leave empty to use the profile's cycle length."
        />
      </div>
      {state?.ok ? <Alert tone="success">Cycle started. Its progress is listed under Your cycles.</Alert> : null}
      {state && !state.ok && !state.fieldErrors?.startsOn && !state.fieldErrors?.endsOn ? (
        <Alert tone="error">{state.message}</Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Start cycle"}
        </Button>
      </div>
    </form>
  );
}
