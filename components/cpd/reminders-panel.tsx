import { BellRing, CalendarPlus } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Reminder } from "@/lib/cpd/reminders";

/** Derived notifications: nothing is stored, so they always match the wallet as it is now. */
export function RemindersPanel({ enabled, reminders }: { enabled: boolean; reminders: Reminder[] }) {
  return (
    <Card aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" className="flex items-center gap-2 text-lg font-semibold">
        <BellRing className="h-5 w-5 text-brand-700 dark:text-brand-300" aria-hidden="true" />
        Reminders
        {enabled && reminders.length > 0 ? (
          <span className="rounded-full bg-amber-100 px-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
            {reminders.length}
          </span>
        ) : null}
      </h2>
      {!enabled ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Reminders in the app are off. You can turn them on in{" "}
          <Link href="/settings#reminders-heading" className="font-medium text-brand-800 underline dark:text-brand-300">
            Settings
          </Link>
          .
        </p>
      ) : reminders.length === 0 ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">Nothing expires or ends within 90 days.</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2">
          {reminders.map((r) => (
            <li
              key={r.key}
              className="rounded-xl border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
            >
              <p className="wrap-anywhere">{r.message}</p>
              <Link href={r.href} className="font-medium underline">
                {r.kind === "credential-expiring" ? "Open the credential" : "Open the cycle"}
                <span className="sr-only">: {r.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
        <a
          href="/api/cpd/calendar.ics"
          download
          className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-800 underline underline-offset-2 dark:text-brand-300"
        >
          <CalendarPlus className="h-4 w-4 shrink-0" aria-hidden="true" />
          Add expiry dates to your calendar (.ics)
        </a>
        <span className="block">
          Every credential&rsquo;s expiry and every cycle&rsquo;s end, with alerts 90, 30 and 7 days before. Download it
          again after changes.
        </span>
      </p>
    </Card>
  );
}
