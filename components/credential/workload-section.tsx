import type { ReactNode } from "react";
import { formatNumber } from "@/components/ui/format";
import { KIND_LABELS, type NormalizedCredential, type Typology } from "@/lib/credentials/record";
import { Fact, FactList, Section } from "./section";

const TYPOLOGY: Record<Typology, string> = {
  "skill-credential": "Skill credential (about 4 to 12 hours)",
  module: "Module (about 25 to 150 hours)",
  "short-programme": "Short programme (about 150 to 1,500 hours)",
};

export function amount(value: number | undefined, unit: string): string | null {
  return value === undefined || value === null ? null : `${formatNumber(value)} ${unit}`;
}

/** What the holder's own page shows in place of the stated figures (holder-workload-facts.tsx); share pages pass none. */
export interface HolderWorkloadFacts {
  hours: ReactNode;
  ects: ReactNode;
  credits: ReactNode;
}

/** A credit figure without a unit, as a share page shows it: never counted, never guessed. */
export function unitlessCredits(credits: number): string {
  return `${formatNumber(credits)} ${credits === 1 ? "credit" : "credits"} (unit not stated)`;
}

/** Workload, level, typology, assessment, participation, prerequisites and quality assurance. */
export function WorkloadSection({ record, holder }: { record: NormalizedCredential; holder?: HolderWorkloadFacts }) {
  const workload = record.workload ?? {};
  const level = record.level ?? {};
  const assessment = record.assessment;
  const qa = record.qualityAssurance ?? [];
  return (
    <Section id="workload" title="Workload and level">
      <FactList>
        <Fact label="Kind">{KIND_LABELS[record.kind] ?? record.kind}</Fact>
        <Fact label="Why this kind">{record.kindReason}</Fact>
        <Fact label="Hours of learning">
          {holder ? holder.hours : (amount(workload.hours, "hours") ?? "Not stated")}
        </Fact>
        <Fact label="ECTS credits">{holder ? holder.ects : (amount(workload.ects, "ECTS") ?? "Not stated")}</Fact>
        <Fact label="Credits">
          {holder ? holder.credits : workload.credits !== undefined ? unitlessCredits(workload.credits) : null}
        </Fact>
        <Fact label="Where the workload comes from">{workload.source}</Fact>
        <Fact label="EQF level">
          {level.eqf !== undefined && level.eqf !== null ? `Level ${level.eqf}` : "Not stated"}
        </Fact>
        <Fact label="National framework level">{level.nqf}</Fact>
        <Fact label="Qualification framework">{level.framework}</Fact>
        <Fact label="EU typology">{record.typology ? (TYPOLOGY[record.typology] ?? record.typology) : null}</Fact>
        <Fact label="Type of assessment">{assessment?.type}</Fact>
        <Fact label="About the assessment">{assessment?.description}</Fact>
        <Fact label="Grade">{assessment?.grade}</Fact>
        <Fact label="Supervision during assessment">{assessment?.supervision}</Fact>
        <Fact label="Identity verification during assessment">{assessment?.identityVerified}</Fact>
        <Fact label="Form of participation">{record.participation}</Fact>
        <Fact label="Prerequisites">{record.prerequisites}</Fact>
        <Fact label="Quality assurance">
          {qa.length === 0 ? null : qa.length === 1 ? (
            qa[0]
          ) : (
            <ul className="list-disc pl-5">
              {qa.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          )}
        </Fact>
      </FactList>
    </Section>
  );
}
