import { Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/cpd/activity-list";
import { DeleteWithConfirm } from "@/components/cpd/delete-with-confirm";
import { ProfileSummary } from "@/components/cpd/profile-summary";
import { daysLeftText, RuleProgressList } from "@/components/cpd/rule-progress";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { formatDay } from "@/components/ui/format";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { getCycleView } from "@/lib/cpd/cycles-data";
import { isUuid } from "@/lib/http/ids";

export const metadata: Metadata = { title: "Renewal cycle" };

export default async function CyclePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const holder = await requireHolder(`/renewal/cycles/${id}`);
  const cycle = isUuid(id) ? await getCycleView(getDb(), holder.id, id, new Date()) : null;
  if (!cycle) notFound();
  const { progress } = cycle;
  return (
    <>
      <Breadcrumb href="/renewal" label="CPD and renewal" />
      <PageHeader
        title={cycle.profile.name}
        description={`${formatDay(cycle.startsOn)} to ${formatDay(cycle.endsOn)} · ${daysLeftText(progress.daysLeft)} · ${progress.allMet ? "every rule met" : `${progress.rules.filter((r) => !r.met).length} of ${progress.rules.length} rules not met yet`}`}
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="mb-4 text-lg font-semibold">
            Progress per rule
          </h2>
          <RuleProgressList rules={progress.rules} idBase="rule" />
        </Card>

        <Card aria-labelledby="evidence-heading">
          <h2 id="evidence-heading" className="mb-2 text-lg font-semibold">
            Evidence pack
          </h2>
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            Every activity counted in this cycle with its date, hours, type, topics and verification, ready for your
            regulator or employer.
          </p>
          <div className="flex flex-wrap gap-2">
            <a href={`/api/cpd/cycles/${cycle.id}/evidence.csv`} download className={buttonClass("secondary")}>
              <Download className="h-4 w-4" aria-hidden="true" />
              Download CSV
            </a>
            <a href={`/api/cpd/cycles/${cycle.id}/evidence.pdf`} download className={buttonClass("secondary")}>
              <Download className="h-4 w-4" aria-hidden="true" />
              Download PDF
            </a>
          </div>
        </Card>

        <ActivityList profile={cycle.profile} progress={progress} />

        <Card aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-2 text-lg font-semibold">
            About this profile
          </h2>
          <ProfileSummary profile={cycle.profile} />
        </Card>

        <Card aria-labelledby="delete-cycle-heading">
          <h2 id="delete-cycle-heading" className="mb-4 text-lg font-semibold">
            Delete this cycle
          </h2>
          <DeleteWithConfirm
            target="cycle"
            id={cycle.id}
            trigger="Delete cycle"
            question="Delete this cycle? Your credentials and what you set on them stay."
            redirectTo="/renewal"
          />
        </Card>
      </div>
    </>
  );
}
