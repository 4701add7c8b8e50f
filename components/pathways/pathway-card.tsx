import Link from "next/link";
import type { HolderPathway } from "@/lib/stacking/data";
import { FollowButton } from "./follow-button";
import { CompleteNote, ProgressFigures } from "./progress-figures";
import { nextStepText, pathwayHref, targetLine, type UnitCount } from "./progress-text";

export function pathwayDomId(id: string): string {
  return `pathway-${id.replace(/[^a-zA-Z0-9-]/g, "-")}`;
}

const SOURCE_NOTE: Record<HolderPathway["source"], string | null> = {
  catalog: null,
  goal: "Your own goal",
  linked: "Suggested by links in your credentials",
};

/**
 * One pathway on the overview: an article named by its title (a link to the stack view), what it
 * leads to, the progress, and either the next step or what completion means.
 */
export function PathwayCard({ pathway, units }: { pathway: HolderPathway; units: UnitCount }) {
  const { definition, progress } = pathway;
  const idBase = pathwayDomId(pathway.id);
  const next = progress.nextSteps[0];
  const note = SOURCE_NOTE[pathway.source];
  return (
    <article
      aria-labelledby={`${idBase}-title`}
      className="flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="min-w-0">
        <h3 id={`${idBase}-title`} className="wrap-anywhere font-semibold leading-snug">
          <Link
            href={pathwayHref(pathway.id)}
            className="text-brand-800 underline underline-offset-2 hover:no-underline dark:text-brand-300"
          >
            {definition.title}
          </Link>
        </h3>
        <p className="wrap-anywhere text-sm text-slate-700 dark:text-slate-300">{targetLine(definition)}</p>
        {note ? <p className="text-xs font-medium text-slate-600 dark:text-slate-400">{note}</p> : null}
      </div>
      <ProgressFigures idBase={idBase} progress={progress} units={units} />
      {progress.complete ? (
        <CompleteNote definition={definition} progress={progress} />
      ) : next ? (
        <p className="wrap-anywhere text-sm">
          <span className="font-semibold">Next step:</span> {nextStepText(next)}
        </p>
      ) : null}
      {progress.problems.length > 0 ? (
        <p className="text-sm font-medium text-red-800 dark:text-red-300">
          Part of this pathway cannot be checked. Open it to see why.
        </p>
      ) : null}
      {pathway.source === "catalog" ? (
        <div className="mt-auto">
          <FollowButton pathwayId={pathway.id} followed={pathway.followed} />
        </div>
      ) : null}
    </article>
  );
}
