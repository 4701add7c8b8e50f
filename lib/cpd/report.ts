import type { CpdActivity } from "./activity";
import { matchesTopic, type CycleProgress } from "./engine";
import type { CpdProfile } from "./profile-schema";

export interface EvidenceItem {
  id: string;
  title: string;
  issuer: string;
  date: string | null;
  hours: number;
  /** Present when the hours are holder-set (the credential's text mentions them; issue 18). */
  hoursHolderSet?: true;
  type: "Participatory" | "Individual";
  topics: string[];
  countsToward: string[];
  verification: string;
  link: string;
}

export interface CycleReport {
  profileName: string;
  regulator: string;
  source: CpdProfile["source"];
  startsOn: string;
  endsOn: string;
  daysLeft: number;
  hoursPerEcts: number;
  rules: { label: string; required: string; counted: string; status: string }[];
  items: EvidenceItem[];
}

export function verificationWords(activity: Pick<CpdActivity, "verdict" | "selfReported">): string {
  if (activity.selfReported) return "Self-reported (not verified)";
  if (activity.verdict === "verified") return "Verified";
  if (activity.verdict === "not-verified") return "Not verified";
  if (activity.verdict === "unknown") return "Could not fully check";
  return "Not checked yet";
}

export function amount(value: number, unit: "hours" | "records"): string {
  if (unit === "records") return `${value} ${value === 1 ? "record" : "records"}`;
  return `${Number.isInteger(value) ? value : value.toFixed(2).replace(/0$/, "")} h`;
}

/** The topics an activity counts under: the profile's topics it matched, or the holder's own words. */
export function topicsOf(profile: CpdProfile, activity: CpdActivity): string[] {
  const matched = profile.rules.flatMap((r) =>
    r.kind === "topic-hours" && matchesTopic(r, activity.topicTexts) ? [r.topic] : [],
  );
  return [...new Set(activity.topicsFromHolder ? [...activity.topicTexts, ...matched] : matched)];
}

/** What the evidence pack (CSV and PDF) says: only activities counted in the cycle. */
export function buildCycleReport(
  profile: CpdProfile,
  cycle: { startsOn: string; endsOn: string },
  progress: CycleProgress,
  appUrl: string,
): CycleReport {
  const labels = new Map(profile.rules.map((r) => [r.id, r.label]));
  return {
    profileName: profile.name,
    regulator: profile.regulator,
    source: profile.source,
    startsOn: cycle.startsOn,
    endsOn: cycle.endsOn,
    daysLeft: progress.daysLeft,
    hoursPerEcts: profile.hoursPerEcts,
    rules: progress.rules.map((r) => ({
      label: r.rule.label,
      required: amount(r.required, r.unit),
      counted: amount(r.counted, r.unit),
      status: r.met ? "Met" : `Missing ${amount(r.missing, r.unit)}`,
    })),
    items: progress.counted.map(({ activity, ruleIds }) => ({
      id: activity.id,
      title: activity.title,
      issuer: activity.issuer,
      date: activity.date,
      hours: activity.hours,
      ...(activity.hoursSource === "holder-set" || activity.hoursSource === "holder-set-ects"
        ? { hoursHolderSet: true as const }
        : {}),
      type: activity.participatory ? "Participatory" : "Individual",
      topics: topicsOf(profile, activity),
      countsToward: ruleIds.map((id) => labels.get(id) ?? id),
      verification: verificationWords(activity),
      link: new URL(`/credentials/${activity.id}`, appUrl).toString(),
    })),
  };
}
