import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { NormalizedCredential } from "@/lib/credentials/record";

const TYPOLOGY: Record<string, string> = { "skill-credential": "Skill credential", module: "Module", "short-programme": "Short programme" };

function day(iso: string | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div>
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

/** What the credential certifies, laid out for a person. Every value is imported text, rendered as text. */
export function CredentialFacts({ record }: { record: NormalizedCredential }) {
  const workload = [record.workload.hours !== undefined ? `${record.workload.hours} hours` : null, record.workload.ects !== undefined ? `${record.workload.ects} ECTS` : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <Card aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="mb-3 text-lg font-semibold">
        About this credential
      </h2>
      {record.description ? <p className="mb-4 whitespace-pre-line text-slate-800 dark:text-slate-200">{record.description}</p> : null}
      <dl className="grid gap-3 sm:grid-cols-2">
        <Fact label="Issued by">{record.issuer.name}</Fact>
        <Fact label="Awarded by">{record.awardingBody?.name}</Fact>
        <Fact label="Issued on">{day(record.dates.issued ?? record.dates.validFrom)}</Fact>
        <Fact label="Valid until">{day(record.dates.validUntil)}</Fact>
        <Fact label="Workload">{workload || null}</Fact>
        <Fact label="Level">{record.level.eqf !== undefined ? `EQF level ${record.level.eqf}` : record.level.nqf}</Fact>
        <Fact label="Type">{record.typology ? TYPOLOGY[record.typology] : null}</Fact>
        <Fact label="Assessment">{record.assessment?.type}</Fact>
        <Fact label="Format">{record.formatLabel}</Fact>
      </dl>
      {record.criteria?.narrative ? (
        <section className="mt-4">
          <h3 className="font-semibold">How it was earned</h3>
          <p className="whitespace-pre-line text-slate-800 dark:text-slate-200">{record.criteria.narrative}</p>
        </section>
      ) : null}
      {record.learningOutcomes.length > 0 ? (
        <section className="mt-4">
          <h3 className="font-semibold">Learning outcomes</h3>
          <ul className="list-inside list-disc">
            {record.learningOutcomes.map((outcome, i) => (
              <li key={i}>{outcome.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {record.skills.length > 0 ? (
        <section className="mt-4">
          <h3 className="font-semibold">Skills</h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {record.skills.map((skill, i) => (
              <li key={i} className="rounded-full bg-slate-100 px-3 py-1 text-sm dark:bg-slate-800">
                {skill.name}
                {skill.framework ? <span className="text-slate-600 dark:text-slate-400"> · {skill.framework}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
