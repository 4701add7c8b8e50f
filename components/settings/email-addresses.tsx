"use client";

import { Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import {
  addEmailAddressAction,
  chooseSignInEmailAction,
  removeEmailAddressAction,
} from "@/app/(wallet)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

interface Props {
  signIn: string;
  others: string[];
  pending: string[];
}

type Message = { tone: "success" | "error"; text: string };

/** The holder's addresses: the sign-in one, confirmed ones, links waiting, and a form to add one. */
export function EmailAddresses({ signIn, others, pending }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<Message | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, startTransition] = useTransition();

  function run(work: () => Promise<Message>) {
    setMessage(null);
    startTransition(async () => {
      setMessage(await work());
      router.refresh();
    });
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "");
    setFieldError(undefined);
    run(async () => {
      const result = await addEmailAddressAction({ email });
      if (!result.ok) {
        setFieldError(result.fieldErrors?.email?.[0]);
        return { tone: "error", text: result.message };
      }
      form.reset();
      return {
        tone: "success",
        text: `We sent a confirmation link to ${result.data.sentTo}. Open it while signed in to add the address.`,
      };
    });
  }

  const remove = (email: string, wasPending: boolean) =>
    run(async () => {
      const result = await removeEmailAddressAction({ email });
      if (!result.ok) return { tone: "error", text: result.message };
      return { tone: "success", text: wasPending ? `Stopped adding ${email}.` : `${email} is no longer yours here.` };
    });

  const choose = (email: string) =>
    run(async () => {
      const result = await chooseSignInEmailAction({ email });
      return result.ok
        ? { tone: "success", text: `Sign-in emails and reminders now go to ${email}.` }
        : { tone: "error", text: result.message };
    });

  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700 dark:text-slate-300">
        Credentials issued to any of your confirmed addresses show as yours, and you can sign in with any of them.
      </p>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
          <span className="flex min-w-0 items-center gap-2">
            <Mail className="h-4 w-4 shrink-0" aria-hidden="true" />
            <span className="min-w-0">
              <span className="block break-all">{signIn}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">Sign-in address · confirmed</span>
            </span>
          </span>
        </li>
        {others.map((email) => (
          <li key={email} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <span className="flex min-w-0 items-center gap-2">
              <Mail className="h-4 w-4 shrink-0" aria-hidden="true" />
              <span className="min-w-0">
                <span className="block break-all">{email}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">Confirmed</span>
              </span>
            </span>
            <span className="flex flex-wrap gap-2">
              <Button
                variant="ghost"
                onClick={() => choose(email)}
                disabled={busy}
                aria-label={`Use ${email} for sign-in`}
              >
                Use for sign-in
              </Button>
              <Button
                variant="ghost"
                onClick={() => remove(email, false)}
                disabled={busy}
                aria-label={`Remove ${email}`}
              >
                Remove
              </Button>
            </span>
          </li>
        ))}
        {pending.map((email) => (
          <li key={`pending-${email}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <span className="flex min-w-0 items-center gap-2">
              <Mail className="h-4 w-4 shrink-0" aria-hidden="true" />
              <span className="min-w-0">
                <span className="block break-all">{email}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">
                  Waiting for confirmation: open the link we emailed
                </span>
              </span>
            </span>
            <Button
              variant="ghost"
              onClick={() => remove(email, true)}
              disabled={busy}
              aria-label={`Cancel adding ${email}`}
            >
              Cancel
            </Button>
          </li>
        ))}
      </ul>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={add} className="flex flex-col gap-3" noValidate>
        <TextField
          label="Add an email address"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          hint="For example the address a university or employer issued your badges to."
          error={fieldError}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? "Working…" : "Send confirmation link"}
          </Button>
        </div>
      </form>
    </div>
  );
}
