import { CalendarClock, CalendarX2 } from "lucide-react";
import type { ExpiryState } from "@/lib/wallet/expiry";
import { formatDay } from "@/components/ui/format";

/**
 * "Expires in 12 days" / "Expired on 3 March 2026": words and an icon, never colour alone.
 * Translated pages pass the words in the reader's language (expiryLabel in lib/i18n/expiry-label.ts).
 */
export function ExpiryNotice({ expiry, label }: { expiry: ExpiryState; label?: string | null }) {
  if (expiry.state === "expiring") {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-amber-500 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
        <CalendarClock className="h-3.5 w-3.5" aria-hidden="true" />
        {label ?? `Expires in ${expiry.daysLeft === 1 ? "1 day" : `${expiry.daysLeft} days`}`}
      </span>
    );
  }
  if (expiry.state === "expired") {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-red-500 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900 dark:border-red-600 dark:bg-red-950 dark:text-red-100">
        <CalendarX2 className="h-3.5 w-3.5" aria-hidden="true" />
        {label ?? `Expired on ${formatDay(expiry.since)}`}
      </span>
    );
  }
  return null;
}
