import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDay } from "@/components/ui/format";
import type { CpdActivity } from "@/lib/cpd/activity";
import type { CycleProgress } from "@/lib/cpd/engine";
import { amount, topicsOf, verificationWords } from "@/lib/cpd/report";
import { RECORD_KIND_LABELS, type CpdProfile } from "@/lib/cpd/profile-schema";
import { ActivityEditor } from "./activity-editor";

const HOURS_FROM: Record<CpdActivity["hoursSource"], string> = {
  holder: "hours you set",
  workload: "the credential's workload",
  "holder-set": "holder-set hours the credential's text mentions",
  ects: "ECTS converted",
  "holder-set-ects": "holder-set ECTS converted",
  none: "no hours stated — set them below",
};

function derivedHours(activity: CpdActivity, profile: CpdProfile): string {
  return activity.hoursSource === "holder"
    ? "what the credential says"
    : `${amount(activity.hours, "hours")} from ${HOURS_FROM[activity.hoursSource]}${activity.hoursSource === "ects" || activity.hoursSource === "holder-set-ects" ? ` at ${profile.hoursPerEcts} h per ECTS` : ""}`;
}

function ActivityItem({
  activity,
  profile,
  countsToward,
  heldBack,
}: {
  activity: CpdActivity;
  profile: CpdProfile;
  countsToward: string[];
  heldBack: string[];
}) {
  const topics = topicsOf(profile, activity);
  return (
    <li className="flex flex-col gap-2 border-t border-slate-200 py-4 first:border-t-0 dark:border-slate-800">
      <p className="font-semibold wrap-anywhere">
        <Link href={`/credentials/${activity.id}`} className="underline-offset-4 hover:underline">
          {activity.title}
        </Link>
      </p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Date</dt>
        <dd>{activity.date ? formatDay(activity.date) : "No date"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Hours</dt>
        <dd>
          {amount(activity.hours, "hours")}{" "}
          <span className="text-slate-600 dark:text-slate-400">({HOURS_FROM[activity.hoursSource]})</span>
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Type</dt>
        <dd>{activity.participatory ? "Participatory" : "Individual"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Topics</dt>
        <dd>{topics.length > 0 ? topics.join(", ") : "None matched"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Records</dt>
        <dd>{activity.recordKinds.map((k) => RECORD_KIND_LABELS[k]).join(", ")}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Verification</dt>
        <dd>{verificationWords(activity)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Counts toward</dt>
        <dd>{countsToward.length > 0 ? countsToward.join(", ") : "No rule"}</dd>
      </dl>
      {heldBack.length > 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Also fits {heldBack.join(", ")}, but a credential counts toward one required topic only. Change its topics to
          move it.
        </p>
      ) : null}
      <ActivityEditor
        values={{
          credentialId: activity.id,
          title: activity.title,
          hours: activity.hoursSource === "holder" ? activity.hours : null,
          derivedHours: derivedHours(activity, profile),
          participatory: activity.participatorySource === "holder" ? activity.participatory : null,
          topics: activity.topicsFromHolder ? activity.topicTexts : null,
          recordKinds: activity.recordKinds,
          excluded: activity.excluded,
          overridden:
            activity.hoursSource === "holder" ||
            activity.participatorySource === "holder" ||
            activity.topicsFromHolder ||
            activity.excluded,
        }}
      />
    </li>
  );
}

/** What counts in the cycle and why, then what does not (outside the dates or left out). */
export function ActivityList({ profile, progress }: { profile: CpdProfile; progress: CycleProgress }) {
  const labels = new Map(profile.rules.map((r) => [r.id, r.label]));
  return (
    <>
      <Card aria-labelledby="counted-heading">
        <h2 id="counted-heading" className="text-lg font-semibold">
          Activities counted ({progress.counted.length})
        </h2>
        {progress.counted.length === 0 ? (
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            No credential in your wallet is dated inside this cycle yet.
          </p>
        ) : (
          <ul className="mt-2">
            {progress.counted.map((c) => (
              <ActivityItem
                key={c.activity.id}
                activity={c.activity}
                profile={profile}
                countsToward={c.ruleIds.map((id) => labels.get(id) ?? id)}
                heldBack={c.heldBackFrom.map((id) => labels.get(id) ?? id)}
              />
            ))}
          </ul>
        )}
      </Card>
      {progress.outside.length > 0 ? (
        <Card aria-labelledby="outside-heading">
          <details>
            <summary className="min-h-11 cursor-pointer content-center">
              <h2 id="outside-heading" className="inline text-lg font-semibold">
                Not counted ({progress.outside.length})
              </h2>
            </summary>
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              Dated outside the cycle, without a date, or left out by you.
            </p>
            <ul className="mt-2">
              {progress.outside.map((a) => (
                <ActivityItem key={a.id} activity={a} profile={profile} countsToward={[]} heldBack={[]} />
              ))}
            </ul>
          </details>
        </Card>
      ) : null}
    </>
  );
}
