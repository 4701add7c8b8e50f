import Link from "next/link";
import { KIND_LABELS } from "@/lib/credentials/record";
import type { WalletSummary } from "@/lib/wallet/list";
import { formatNumber } from "@/components/ui/format";

function Stat({ label, value, note, href }: { label: string; value: string; note?: string; href?: string }) {
  const body = (
    <>
      <span className="block text-xl font-bold tabular-nums">{value}</span>
      <span className="block text-xs text-slate-600 dark:text-slate-400">{label}</span>
      {note ? <span className="block text-xs text-slate-600 dark:text-slate-400">{note}</span> : null}
    </>
  );
  return (
    <li className="rounded-xl border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
      {href ? (
        <Link href={href} className="block hover:underline focus-visible:underline">
          {body}
        </Link>
      ) : (
        body
      )}
    </li>
  );
}

/** "Not stated" when no current credential gives the figure: a wallet without hours is not a wallet with 0 hours. */
function workloadStat(total: number, stating: number, holderSet: number) {
  if (stating === 0) return { value: "Not stated" };
  return { value: formatNumber(total), note: holderSet > 0 ? `${formatNumber(holderSet)} holder-set` : undefined };
}

/** What the holder has at a glance: counts by kind, current learning hours and ECTS, what expires. */
export function SummaryStrip({ summary }: { summary: WalletSummary }) {
  return (
    <section aria-labelledby="summary-heading" className="mb-6">
      <h2 id="summary-heading" className="sr-only">
        Summary
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        <Stat label={KIND_LABELS.badge + "s"} value={formatNumber(summary.byKind.badge)} href="/wallet?kind=badge" />
        <Stat
          label={KIND_LABELS["micro-credential"] + "s"}
          value={formatNumber(summary.byKind["micro-credential"])}
          href="/wallet?kind=micro-credential"
        />
        <Stat
          label="Nano-degrees and certificates"
          value={formatNumber(summary.byKind["nano-degree"])}
          href="/wallet?kind=nano-degree"
        />
        <Stat
          label="Learning hours (current)"
          {...workloadStat(summary.hours, summary.withHours, summary.holderSetHours)}
        />
        <Stat label="ECTS (current)" {...workloadStat(summary.ects, summary.withEcts, summary.holderSetEcts)} />
        <Stat
          label="Expiring within 90 days"
          value={formatNumber(summary.expiringSoon)}
          href="/wallet?validity=expiring&sort=expiring"
        />
        {summary.expired > 0 ? (
          <Stat label="Expired" value={formatNumber(summary.expired)} href="/wallet?validity=expired" />
        ) : null}
      </ul>
    </section>
  );
}
