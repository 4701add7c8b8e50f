import { CalendarX2, Circle, CircleCheck, CircleDotDashed } from "lucide-react";
import type { StatusView } from "./progress-text";

const STYLES: Record<StatusView["tone"], { icon: typeof CircleCheck; className: string }> = {
  met: {
    icon: CircleCheck,
    className:
      "border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100",
  },
  partial: {
    icon: CircleDotDashed,
    className: "border-sky-600 bg-sky-50 text-sky-950 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100",
  },
  missing: {
    icon: Circle,
    className: "border-slate-500 bg-white text-slate-800 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-200",
  },
  expired: {
    icon: CalendarX2,
    className: "border-red-600 bg-red-50 text-red-900 dark:border-red-500 dark:bg-red-950 dark:text-red-100",
  },
};

/** A requirement's status as an icon and a word, never by colour alone. */
export function StatusBadge({ view }: { view: StatusView }) {
  const { icon: Icon, className } = STYLES[view.tone];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${className}`}
    >
      <Icon className="h-3.5 w-3.5" aria-hidden="true" />
      {view.word}
    </span>
  );
}
