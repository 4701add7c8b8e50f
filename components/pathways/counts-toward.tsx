import Link from "next/link";
import { Section } from "@/components/credential/section";
import type { CountingPathways, HolderPathway } from "@/lib/stacking/data";
import { definitionsBySlug, pathwayHref, percentText, progressUnits, targetLine, unitsText } from "./progress-text";

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:no-underline dark:text-brand-300";

/**
 * "Counts toward": the pathways this credential counts for now, or holds the target of, with
 * their progress. `pathways` is null when they could not be worked out: a failure there never
 * takes the credential's page down with it.
 */
export function CountsToward({ pathways, credentialId }: { pathways: CountingPathways | null; credentialId: string }) {
  if (!pathways) {
    return (
      <Section id="counts-toward" title="Counts toward">
        <p>Your pathways could not be worked out just now. Reload the page to try again.</p>
      </Section>
    );
  }
  const definitions = definitionsBySlug(pathways.all);
  const { counting } = pathways;

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
    <li className="wrap-anywhere">
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
