import type { NormalizedCredential } from "@/lib/credentials/record";
import { Muted, present, SafeLink, Section, Subheading } from "./section";

/** What the credential certifies. Every value is imported text, rendered as text. */
export function CertifiesSection({ record }: { record: NormalizedCredential }) {
  const outcomes = record.learningOutcomes ?? [];
  const skills = record.skills ?? [];
  const criteria = record.criteria;
  const empty = !present(record.description, criteria?.narrative, criteria?.url, outcomes, skills);
  return (
    <Section id="certifies" title="What it certifies">
      {empty ? <Muted>The credential does not describe what it certifies.</Muted> : null}
      {record.description ? (
        <p className="whitespace-pre-line wrap-anywhere text-slate-800 dark:text-slate-200">{record.description}</p>
      ) : null}
      {present(criteria?.narrative, criteria?.url) ? (
        <>
          <Subheading>How it was earned</Subheading>
          {criteria?.narrative ? (
            <p className="whitespace-pre-line wrap-anywhere text-slate-800 dark:text-slate-200">{criteria.narrative}</p>
          ) : null}
          {criteria?.url ? (
            <p className="mt-1 text-sm">
              Criteria page: <SafeLink href={criteria.url} />
            </p>
          ) : null}
        </>
      ) : null}
      {outcomes.length > 0 ? (
        <>
          <Subheading>Learning outcomes</Subheading>
          <ul className="flex list-disc flex-col gap-2 pl-5">
            {outcomes.map((outcome, i) => (
              <li key={i} className="wrap-anywhere">
                <span className="font-medium">{outcome.title}</span>
                {outcome.description && outcome.description !== outcome.title ? (
                  <p className="whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">
                    {outcome.description}
                  </p>
                ) : null}
                {outcome.framework ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">Framework: {outcome.framework}</p>
                ) : null}
                {outcome.url ? (
                  <p className="text-sm">
                    <SafeLink href={outcome.url} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {skills.length > 0 ? (
        <>
          <Subheading>Skills</Subheading>
          <ul className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {skills.map((skill, i) => (
              <li key={i} className="wrap-anywhere px-3 py-2">
                <span className="font-medium">{skill.name}</span>
                {skill.framework || skill.code ? (
                  <span className="block text-sm text-slate-600 dark:text-slate-400">
                    {[
                      skill.framework ? `Framework: ${skill.framework}` : null,
                      skill.code ? `Code: ${skill.code}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                ) : null}
                {skill.url ? (
                  <span className="block text-sm">
                    <SafeLink href={skill.url} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
