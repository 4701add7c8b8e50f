import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteGoal } from "@/components/pathways/delete-goal";
import { FollowButton } from "@/components/pathways/follow-button";
import { NextSteps } from "@/components/pathways/next-steps";
import { ProgressFigures } from "@/components/pathways/progress-figures";
import {
  completionText,
  definitionsBySlug,
  pathwayIdFromSegment,
  progressUnits,
  remainingText,
  targetLine,
} from "@/components/pathways/progress-text";
import { RequirementTree } from "@/components/pathways/requirement-tree";
import { TargetCard } from "@/components/pathways/target-card";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCurrentHolder, requireHolder } from "@/lib/auth/session";
import { isUuid } from "@/lib/http/ids";
import { overviewForHolder } from "../holder-overview";

type Props = { params: Promise<{ id: string }> };

async function findPathway(holderId: string, segment: string) {
  const id = pathwayIdFromSegment(segment, isUuid);
  if (!id) return null;
  const overview = await overviewForHolder(holderId);
  const pathway = overview.pathways.find((p) => p.id === id);
  return pathway ? { overview, pathway } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const holder = await getCurrentHolder();
  const found = holder ? await findPathway(holder.id, id) : null;
  return { title: found?.pathway.definition.title ?? "Pathway" };
}

/**
 * The stack view of one pathway. "Not found" (an unknown id, another holder's goal) is decided
 * here before anything renders: this route has no loading skeleton, so nothing streams first.
 */
export default async function PathwayPage({ params }: Props) {
  const { id } = await params;
  const holder = await requireHolder(`/pathways/${id}`);
  const found = await findPathway(holder.id, id);
  if (!found) notFound();
  const { overview, pathway } = found;
  const { definition, progress } = pathway;
  const units = progressUnits(pathway, definitionsBySlug(overview.pathways));
  const remaining = progress.complete ? null : remainingText(progress.remaining);
  const goal = pathway.source === "goal";

  return (
    <>
      <Breadcrumb href="/pathways" label="Pathways" />
      <PageHeader
        title={definition.title}
        description={definition.summary}
        actions={
          pathway.source === "catalog" ? (
            <FollowButton pathwayId={pathway.id} followed={pathway.followed} />
          ) : goal ? (
            <ButtonLink href={`/pathways/${pathway.id}/edit`} variant="secondary">
              <Pencil className="h-4 w-4" aria-hidden="true" />
              Edit goal
            </ButtonLink>
          ) : undefined
        }
      />
      <div className="flex flex-col gap-4">
        <p className="text-slate-700 dark:text-slate-300">
          {goal ? `Your own goal · ${targetLine(definition)}` : targetLine(definition)}
        </p>
        {progress.complete ? (
          <Alert tone="success" title="Pathway complete">
            {completionText(definition, progress)}
          </Alert>
        ) : null}
        {pathway.source === "linked" ? (
          <Alert title="Suggested by your credentials">
            Your credentials say they are part of this credential. Only the parts they mention are listed here; the
            awarding body may ask for more.
          </Alert>
        ) : null}
        {progress.problems.length > 0 ? (
          <Alert tone="error" title="Part of this pathway cannot be checked">
            <ul className="list-disc pl-5">
              {progress.problems.map((problem) => (
                <li key={problem} className="wrap-anywhere">
                  {problem}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card aria-labelledby="progress-heading">
              <h2 id="progress-heading" className="mb-3 text-lg font-semibold">
                Your progress
              </h2>
              <ProgressFigures idBase="pathway" progress={progress} units={units} />
              {remaining ? <p className="mt-1.5 text-sm text-slate-700 dark:text-slate-300">{remaining}</p> : null}
            </Card>
            <Card aria-labelledby="stack-heading">
              <h2 id="stack-heading" className="mb-3 text-lg font-semibold">
                How it stacks
              </h2>
              <RequirementTree definition={definition} progress={progress} credentials={overview.credentials} />
            </Card>
            {progress.complete ? null : (
              <Card aria-labelledby="next-heading">
                <h2 id="next-heading" className="mb-3 text-lg font-semibold">
                  Next steps
                </h2>
                <NextSteps steps={progress.nextSteps} />
              </Card>
            )}
          </div>
          <div className="flex min-w-0 flex-col gap-6">
            <TargetCard definition={definition} />
            {goal ? (
              <Card aria-labelledby="delete-heading">
                <h2 id="delete-heading" className="mb-3 text-lg font-semibold">
                  Delete this goal
                </h2>
                <DeleteGoal pathwayId={pathway.id} title={definition.title} />
              </Card>
            ) : null}
          </div>
        </div>
      </div>
    </>
  );
}
