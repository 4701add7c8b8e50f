import { daysBetween, toDay } from "./dates";

/** Reminder thresholds in days, the certo / edubadges pattern (docs/product-notes.md request 9). */
export const REMINDER_THRESHOLDS = [90, 30, 7] as const;

export interface ExpiringCredential {
  id: string;
  title: string;
  validUntil: Date;
}

export interface EndingCycle {
  id: string;
  profileName: string;
  endsOn: string;
  allMet: boolean;
  unmet: string[];
}

export interface Reminder {
  /** Stable per subject, date and threshold: a digest sends each key once. */
  key: string;
  kind: "credential-expiring" | "cycle-ending";
  subjectId: string;
  title: string;
  daysLeft: number;
  threshold: number;
  /** The day it happens (YYYY-MM-DD), and for a cycle the rules not met yet: emails say it in the holder's language. */
  day: string;
  unmetRules: string[];
  message: string;
  href: string;
}

/** The smallest threshold the day count has crossed, or null when it is further off (or already past). */
export function thresholdFor(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  let hit: number | null = null;
  for (const t of REMINDER_THRESHOLDS) if (daysLeft <= t) hit = t;
  return hit;
}

function inDays(days: number): string {
  return days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
}

/** Reminders due at `now`, soonest first. Credentials already expired are shown by the wallet, not here. */
export function dueReminders(
  now: Date,
  credentials: readonly ExpiringCredential[],
  cycles: readonly EndingCycle[],
): Reminder[] {
  const today = toDay(now);
  const reminders: Reminder[] = [];
  for (const c of credentials) {
    const end = toDay(c.validUntil);
    const daysLeft = daysBetween(today, end);
    const threshold = c.validUntil.getTime() > now.getTime() ? thresholdFor(daysLeft) : null;
    if (threshold === null) continue;
    reminders.push({
      key: `credential:${c.id}:${end}:${threshold}`,
      kind: "credential-expiring",
      subjectId: c.id,
      title: c.title,
      daysLeft,
      threshold,
      day: end,
      unmetRules: [],
      message: `${c.title} expires ${inDays(daysLeft)} (${end}).`,
      href: `/credentials/${c.id}`,
    });
  }
  for (const c of cycles) {
    if (c.allMet) continue;
    const daysLeft = daysBetween(today, c.endsOn);
    const threshold = thresholdFor(daysLeft);
    if (threshold === null) continue;
    reminders.push({
      key: `cycle:${c.id}:${c.endsOn}:${threshold}`,
      kind: "cycle-ending",
      subjectId: c.id,
      title: c.profileName,
      daysLeft,
      threshold,
      day: c.endsOn,
      unmetRules: c.unmet,
      message: `Your ${c.profileName} cycle ends ${inDays(daysLeft)} (${c.endsOn}) and ${c.unmet.length === 1 ? "1 rule is" : `${c.unmet.length} rules are`} not met yet: ${c.unmet.join("; ")}.`,
      href: `/renewal/cycles/${c.id}`,
    });
  }
  return reminders.sort((a, b) => a.daysLeft - b.daysLeft || a.key.localeCompare(b.key));
}
