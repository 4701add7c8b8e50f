import Link from "next/link";
import { formatDay } from "@/components/ui/format";
import type { CycleView } from "@/lib/cpd/cycles-data";
import { daysLeftText, RuleProgressList } from "./rule-progress";

export function CycleCard({ cycle }: { cycle: CycleView }) {
  const headingId = `cycle-${cycle.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id={headingId} className="text-lg font-semibold">
        <Link href={`/renewal/cycles/${cycle.id}`} className="underline-offset-4 hover:underline">
          {cycle.profile.name}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {formatDay(cycle.startsOn)} to {formatDay(cycle.endsOn)} ·{" "}
        <span className="font-semibold">{daysLeftText(cycle.progress.daysLeft)}</span> ·{" "}
        {cycle.progress.allMet
          ? "Every rule met"
          : `${cycle.progress.rules.filter((r) => !r.met).length} of ${cycle.progress.rules.length} rules not met yet`}
      </p>
      <div className="mt-4">
        <RuleProgressList rules={cycle.progress.rules} idBase={headingId} />
      </div>
    </article>
  );
}
