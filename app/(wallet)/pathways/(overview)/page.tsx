import { Layers, Plus } from "lucide-react";
import type { Metadata } from "next";
import { PathwaySection } from "@/components/pathways/pathway-section";
import { definitionsBySlug, groupPathways } from "@/components/pathways/progress-text";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ButtonLink } from "@/components/ui/button";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { pathwayOverviewForHolder } from "@/lib/stacking/data";

export const metadata: Metadata = { title: "Pathways" };

export default async function PathwaysPage() {
  const holder = await requireHolder("/pathways");
  const overview = await pathwayOverviewForHolder(getDb(), holder.id);
  const definitions = definitionsBySlug(overview.pathways);
  const groups = groupPathways(overview.pathways);
  const newGoal = (
    <ButtonLink href="/pathways/goals/new" variant="secondary">
      <Plus className="h-4 w-4" aria-hidden="true" />
      New goal
    </ButtonLink>
  );
  const description = "See how your badges stack into micro-credentials and nano-degrees, and what is missing.";

  if (overview.pathways.length === 0) {
    return (
      <>
        <PageHeader title="Pathways" description={description} />
        <EmptyState icon={Layers} title="No pathways yet" action={newGoal}>
          <p>
            When your wallet holds credentials that build toward a larger qualification, the pathway and your progress
            appear here. You can also set a goal of your own.
          </p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Pathways" description={description} actions={newGoal} />
      <div className="flex flex-col gap-8">
        <PathwaySection
          id="yours"
          title="Your pathways"
          description="The pathways you follow and your own goals."
          pathways={groups.yours}
          definitions={definitions}
          empty={
            <p className="rounded-2xl border border-dashed border-slate-300 px-4 py-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
              {groups.completed.length > 0 ? "Nothing in progress." : "You do not follow a pathway yet."} Follow one
              from the catalog below, or set a goal of your own.
            </p>
          }
        />
        {groups.completed.length > 0 ? (
          <PathwaySection
            id="completed"
            title="Completed"
            description="Every requirement is met."
            pathways={groups.completed}
            definitions={definitions}
          />
        ) : null}
        {groups.explore.length > 0 ? (
          <PathwaySection
            id="explore"
            title="Explore"
            description="Other pathways in the catalog, with what you already hold counted. Follow one to keep it under Your pathways."
            pathways={groups.explore}
            definitions={definitions}
          />
        ) : null}
        {groups.suggested.length > 0 ? (
          <PathwaySection
            id="suggested"
            title="Suggested by your credentials"
            description="Larger credentials your credentials say they are part of. Only the parts your credentials mention are listed; the awarding body may ask for more."
            pathways={groups.suggested}
            definitions={definitions}
          />
        ) : null}
      </div>
    </>
  );
}
