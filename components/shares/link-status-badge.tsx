import { Ban, CalendarCheck, CalendarClock, CalendarX2, InfinityIcon } from "lucide-react";
import type { LinkStatusTone } from "./share-text";

const STYLES: Record<LinkStatusTone, { icon: typeof Ban; className: string }> = {
  active: {
    icon: CalendarCheck,
    className:
      "border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100",
  },
  soon: {
    icon: CalendarClock,
    className:
      "border-amber-500 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100",
  },
  never: {
    icon: InfinityIcon,
    className: "border-sky-600 bg-sky-50 text-sky-950 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100",
  },
  expired: {
    icon: CalendarX2,
    className: "border-red-600 bg-red-50 text-red-900 dark:border-red-500 dark:bg-red-950 dark:text-red-100",
  },
  revoked: {
    icon: Ban,
    className:
      "border-slate-500 bg-slate-100 text-slate-900 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100",
  },
};

/** The link's state in words and an icon, never by colour alone. */
export function LinkStatusBadge({ tone, text }: { tone: LinkStatusTone; text: string }) {
  const { icon: Icon, className } = STYLES[tone];
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold ${className}`}
    >
      <Icon className="h-4 w-4 shrink-0" aria-hidden="true" />
      <span className="min-w-0 wrap-anywhere">{text}</span>
    </span>
  );
}
