"use client";

import { useActionState } from "react";
import { saveReminderSettingsAction } from "@/app/(wallet)/renewal/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Reminders for expiring credentials and renewal cycles: in the app and by email, each on or off. */
export function ReminderSettingsForm({ inApp, email }: { inApp: boolean; email: boolean }) {
  const [state, formAction, pending] = useActionState(saveReminderSettingsAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm text-slate-700 dark:text-slate-300">
          Remind me 90, 30 and 7 days before a credential expires or a renewal cycle ends with rules not met.
        </legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="inApp" defaultChecked={inApp} className="h-5 w-5" />
          Show reminders in Tessera
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="email" defaultChecked={email} className="h-5 w-5" />
          Email me a digest of new reminders
        </label>
      </fieldset>
      {state?.ok ? <Alert tone="success">Reminder settings saved.</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save reminder settings"}
        </Button>
      </div>
    </form>
  );
}
