import { BellRing } from "lucide-react";
import Link from "next/link";

/** A small link with the number of due reminders, for the wallet page or the shell; nothing when none are due or reminders are off. */
export function ReminderCount({ enabled, due }: { enabled: boolean; due: number }) {
  if (!enabled || due === 0) return null;
  return (
    <Link
      href="/renewal#reminders-heading"
      className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 text-sm font-semibold text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <BellRing className="h-4 w-4" aria-hidden="true" />
      {due === 1 ? "1 reminder" : `${due} reminders`}
    </Link>
  );
}
