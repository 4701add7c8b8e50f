import { Fact, FactList, SafeLink, Subheading } from "@/components/credential/section";
import { Card } from "@/components/ui/card";
import { formatWorkload } from "@/components/ui/format";
import type { PathwayDefinition } from "@/lib/stacking";
import { awardingBody, PATHWAY_KIND_LABELS } from "./progress-text";

/** The credential at the top of the stack, with the EU micro-credential elements its definition states. */
export function TargetCard({ definition }: { definition: PathwayDefinition }) {
  const { target } = definition;
  const { eu } = target;
  const body = awardingBody(definition);
  return (
    <Card aria-labelledby="target-heading">
      <h2 id="target-heading" className="mb-1 text-lg font-semibold">
        What it leads to
      </h2>
      <p className="mb-3 wrap-anywhere text-xl font-semibold">{target.title}</p>
      <FactList>
        <Fact label="Kind">{PATHWAY_KIND_LABELS[target.kind] ?? target.kind}</Fact>
        <Fact label="Awarded by">{body}</Fact>
        <Fact label="Awarding body's site">{target.issuer.url ? <SafeLink href={target.issuer.url} /> : null}</Fact>
        <Fact label="Workload">{formatWorkload(eu.workload?.hours ?? null, eu.workload?.ects ?? null)}</Fact>
        <Fact label="EQF level">{eu.eqfLevel !== undefined ? `Level ${eu.eqfLevel}` : null}</Fact>
        <Fact label="Assessment">{eu.assessmentType}</Fact>
        <Fact label="Quality assurance">{eu.qualityAssurance}</Fact>
        <Fact label="Form of participation">{eu.participation}</Fact>
      </FactList>
      {eu.learningOutcomes.length > 0 ? (
        <>
          <Subheading>Learning outcomes</Subheading>
          <ul className="list-disc pl-5">
            {eu.learningOutcomes.map((outcome, i) => (
              <li key={i} className="wrap-anywhere">
                {outcome}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
