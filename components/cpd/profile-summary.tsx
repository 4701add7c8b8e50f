import { RECORD_KIND_LABELS, type CpdProfile, type CpdRule } from "@/lib/cpd/profile-schema";
import { formatDay } from "@/components/ui/format";

export function ruleText(rule: CpdRule): string {
  switch (rule.kind) {
    case "total-hours":
      return `${rule.minHours} h in total`;
    case "participatory-hours":
      return `${rule.minHours} h participatory (part of the total)`;
    case "topic-hours":
      return `${rule.minHours} h on ${rule.topic}${rule.exclusive ? " (a credential counts toward one required topic only)" : ""}`;
    case "record-count":
      return `${rule.minCount} × ${RECORD_KIND_LABELS[rule.recordKind].toLowerCase()}`;
  }
}

/** What a profile asks for and where the rules come from, with the caveats it carries. */
export function ProfileSummary({ profile }: { profile: CpdProfile }) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        {profile.regulator} · {profile.jurisdiction} · every {profile.cycleMonths} months
      </p>
      <ul className="list-disc pl-5">
        {profile.rules.map((r) => (
          <li key={r.id}>{ruleText(r)}</li>
        ))}
      </ul>
      <p className="text-slate-700 dark:text-slate-300">
        Workload stated only in ECTS counts {profile.hoursPerEcts} h per ECTS credit.
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        Source:{" "}
        {profile.source.url?.startsWith("https://") ? (
          <a
            href={profile.source.url}
            rel="noopener noreferrer"
            className="font-medium text-brand-800 underline dark:text-brand-300"
          >
            {profile.source.title}
          </a>
        ) : (
          profile.source.title
        )}{" "}
        (written {formatDay(profile.source.retrieved)})
      </p>
      {profile.source.note ? <p className="text-slate-600 dark:text-slate-400">{profile.source.note}</p> : null}
    </div>
  );
}
