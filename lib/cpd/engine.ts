import type { CpdActivity } from "./activity";
import { daysBetween, isWithin } from "./dates";
import type { CpdProfile, CpdRule } from "./profile-schema";

export interface CycleDates {
  startsOn: string;
  endsOn: string;
}

export interface RuleProgress {
  rule: CpdRule;
  unit: "hours" | "records";
  required: number;
  counted: number;
  missing: number;
  met: boolean;
  activityIds: string[];
}

export interface CountedActivity {
  activity: CpdActivity;
  /** Every rule this activity counts toward, in profile order. */
  ruleIds: string[];
  /** Topic rules it matched but could not count toward, because an earlier exclusive rule took it. */
  heldBackFrom: string[];
}

export interface CycleProgress {
  rules: RuleProgress[];
  counted: CountedActivity[];
  /** Activities left out: dated outside the cycle, undated, or excluded by the holder. */
  outside: CpdActivity[];
  daysLeft: number;
  ended: boolean;
  allMet: boolean;
}

function normalize(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** Whole words or phrases only: "law" does not match "Lawson", "laws and rules" matches "Florida Laws and Rules". */
export function matchesTopic(rule: Extract<CpdRule, { kind: "topic-hours" }>, texts: readonly string[]): boolean {
  const haystacks = texts.map(normalize);
  const needles = [rule.topic, ...rule.keywords].map(normalize).filter((n) => n.trim().length > 0);
  return haystacks.some((h) => needles.some((n) => h.includes(n)));
}

function eligible(rule: CpdRule, activity: CpdActivity): boolean {
  switch (rule.kind) {
    case "total-hours":
      return activity.hours > 0;
    case "participatory-hours":
      return activity.hours > 0 && activity.participatory;
    case "topic-hours":
      return activity.hours > 0 && matchesTopic(rule, activity.topicTexts);
    case "record-count":
      return activity.recordKinds.includes(rule.recordKind);
  }
}

function byDateThenId(a: CpdActivity, b: CpdActivity): number {
  return (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id);
}

/**
 * Counts a cycle. Every activity dated inside the cycle counts once toward each rule it fits.
 * Among exclusive rules an activity counts toward the first one it fits, in the profile's order
 * — decided by the activity alone, never by the others, so adding an activity can only add to a
 * rule, and the holder can move an activity by changing its topics.
 */
export function computeCycleProgress(
  profile: CpdProfile,
  cycle: CycleDates,
  activities: readonly CpdActivity[],
  today: string,
): CycleProgress {
  const seen = new Set<string>();
  const inCycle: CpdActivity[] = [];
  const outside: CpdActivity[] = [];
  for (const activity of [...activities].sort(byDateThenId)) {
    if (seen.has(activity.id)) continue; // one credential, one activity, whatever the input says
    seen.add(activity.id);
    (!activity.excluded && activity.date !== null && isWithin(activity.date, cycle.startsOn, cycle.endsOn)
      ? inCycle
      : outside
    ).push(activity);
  }

  const perRule = new Map<string, CpdActivity[]>(profile.rules.map((r) => [r.id, []]));
  const counted: CountedActivity[] = inCycle.map((activity) => {
    const ruleIds: string[] = [];
    const heldBackFrom: string[] = [];
    let exclusiveTaken = false;
    for (const rule of profile.rules) {
      if (!eligible(rule, activity)) continue;
      if (rule.exclusive) {
        if (exclusiveTaken) {
          heldBackFrom.push(rule.id);
          continue;
        }
        exclusiveTaken = true;
      }
      ruleIds.push(rule.id);
      perRule.get(rule.id)!.push(activity);
    }
    return { activity, ruleIds, heldBackFrom };
  });

  const rules = profile.rules.map((rule): RuleProgress => {
    const taken = perRule.get(rule.id)!;
    const unit = rule.kind === "record-count" ? "records" : "hours";
    const required = rule.kind === "record-count" ? rule.minCount : rule.minHours;
    const countedValue =
      unit === "records" ? taken.length : Math.round(taken.reduce((sum, a) => sum + a.hours, 0) * 100) / 100;
    const missing = Math.max(0, Math.round((required - countedValue) * 100) / 100);
    return {
      rule,
      unit,
      required,
      counted: countedValue,
      missing,
      met: missing === 0,
      activityIds: taken.map((a) => a.id),
    };
  });

  const daysLeft = daysBetween(today, cycle.endsOn);
  return { rules, counted, outside, daysLeft, ended: daysLeft < 0, allMet: rules.every((r) => r.met) };
}
