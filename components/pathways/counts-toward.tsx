import Link from "next/link";
import { Section } from "@/components/credential/section";
import { getDb } from "@/db";
import { pathwayOverviewForHolder, type HolderPathway } from "@/lib/pathways/data";
import { definitionsBySlug, pathwayHref, percentText, progressUnits, targetLine, unitsText } from "./progress-text";

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:no-underline dark:text-brand-300";

/**
 * "Counts toward": the pathways this credential counts for now, or holds the target of, with
 * their progress. The whole overview is loaded (not only the pathways counting it) because a
 * stacked pathway's requirements are counted through the pathways it refers to. A failure here
 * never takes the credential's page down with it.
 */
export async function CountsToward({ holderId, credentialId }: { holderId: string; credentialId: string }) {
  let overview: Awaited<ReturnType<typeof pathwayOverviewForHolder>>;
  try {
    overview = await pathwayOverviewForHolder(getDb(), holderId);
  } catch (error) {
    console.error("[pathways] counts toward failed:", error);
    return (
      <Section id="counts-toward" title="Counts toward">
        <p>Your pathways could not be worked out just now. Reload the page to try again.</p>
      </Section>
    );
  }
  const definitions = definitionsBySlug(overview.pathways);
  const counting = overview.pathways.filter(
    (p) => p.progress.credentialIds.includes(credentialId) || p.progress.targetCredentialIds.includes(credentialId),
  );

  return (
    <Section id="counts-toward" title="Counts toward">
      {counting.length === 0 ? (
        <p>
          This credential does not count toward a pathway yet.{" "}
          <Link href="/pathways" className={linkClass}>
            Explore pathways
          </Link>
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {counting.map((pathway) => (
            <CountingPathway key={pathway.id} pathway={pathway} credentialId={credentialId} definitions={definitions} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function CountingPathway({
  pathway,
  credentialId,
  definitions,
}: {
  pathway: HolderPathway;
  credentialId: string;
  definitions: ReturnType<typeof definitionsBySlug>;
}) {
  const { definition, progress } = pathway;
  const isTarget = progress.targetCredentialIds.includes(credentialId);
  return (
    <li className="break-words">
      <Link href={pathwayHref(pathway.id)} className={linkClass}>
        {definition.title}
      </Link>
      <span className="block text-sm text-slate-700 dark:text-slate-300">{targetLine(definition)}</span>
      <span className="block text-sm">
        {isTarget ? (
          "This is the credential the pathway leads to."
        ) : (
          <>
            {unitsText(progressUnits(pathway, definitions))} · {percentText(progress.percentByCount)}
            {progress.complete ? " · Complete" : ""}
          </>
        )}
      </span>
    </li>
  );
}
