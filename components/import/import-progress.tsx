"use client";

import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, CircleSlash, Copy } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { queryKeys } from "@/lib/query-keys";
import type { ImportJobView } from "@/lib/import/jobs";

async function fetchJob(jobId: string): Promise<ImportJobView> {
  const response = await fetch(`/api/imports/${jobId}`, { cache: "no-store" });
  if (!response.ok)
    throw new Error(
      ((await response.json().catch(() => ({}))) as { error?: string }).error ?? "Could not read the import progress.",
    );
  return (await response.json()) as ImportJobView;
}

const outcomeStyle = {
  imported: { icon: CheckCircle2, label: "Imported", className: "text-emerald-700 dark:text-emerald-300" },
  duplicate: { icon: Copy, label: "Already in your wallet", className: "text-slate-700 dark:text-slate-300" },
  rejected: { icon: CircleSlash, label: "Not imported", className: "text-red-700 dark:text-red-300" },
} as const;

/** Live progress of one import job, then the per-item report; `onFinished` hears once when it ends. */
export function ImportProgress({ jobId, onFinished }: { jobId: string; onFinished?: (job: ImportJobView) => void }) {
  const { data: job, error } = useQuery({
    queryKey: queryKeys.importJob(jobId),
    queryFn: () => fetchJob(jobId),
    refetchInterval: (query) =>
      query.state.data && ["done", "failed"].includes(query.state.data.status) ? false : 400,
  });
  const finishedJob = job && (job.status === "done" || job.status === "failed") ? job : null;
  useEffect(() => {
    if (finishedJob) onFinished?.(finishedJob);
  }, [finishedJob, onFinished]);
  if (error) return <Alert tone="error">{error.message}</Alert>;
  if (!job) return <p role="status">Starting the import…</p>;
  const finished = job.status === "done" || job.status === "failed";
  const counts = { imported: 0, duplicate: 0, rejected: 0 };
  for (const item of job.items) counts[item.outcome] += 1;
  return (
    <section aria-labelledby={`job-${jobId}`} className="flex flex-col gap-3">
      <h3 id={`job-${jobId}`} className="font-semibold">
        {finished ? "Import finished" : "Importing…"}
      </h3>
      <label className="flex flex-col gap-1 text-sm">
        <span>
          {job.processed} of {job.total || "?"} processed
        </span>
        <progress className="h-3 w-full accent-brand-700" max={Math.max(job.total, 1)} value={job.processed} />
      </label>
      {job.status === "failed" ? <Alert tone="error">{job.message ?? "The import could not run."}</Alert> : null}
      <p role="status" className="text-sm">
        {counts.imported} imported · {counts.duplicate} already in your wallet · {counts.rejected} not imported
      </p>
      {job.items.length > 0 ? (
        <ul
          className="max-h-96 divide-y divide-slate-200 overflow-auto rounded-xl border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800"
          aria-label="Import report"
        >
          {job.items.map((item, index) => {
            const style = outcomeStyle[item.outcome];
            const Icon = style.icon;
            return (
              <li key={`${index}-${item.name}`} className="flex gap-3 px-3 py-2">
                <Icon className={`mt-0.5 h-4 w-4 shrink-0 ${style.className}`} aria-hidden="true" />
                <span className="min-w-0">
                  <span className="block break-all font-medium">
                    {item.outcome === "rejected" ? item.name : item.title}
                  </span>
                  <span className={style.className}>{style.label}</span>
                  {item.outcome === "rejected" ? (
                    <span className="block text-slate-700 dark:text-slate-300">{item.message}</span>
                  ) : null}
                  {item.outcome === "imported" && item.message !== "Imported" ? (
                    <span className="block text-slate-700 dark:text-slate-300">{item.message}</span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {finished && counts.imported + counts.duplicate > 0 ? (
        <Link href="/wallet" className="font-semibold text-brand-700 underline dark:text-brand-300">
          Go to your wallet
        </Link>
      ) : null}
    </section>
  );
}
