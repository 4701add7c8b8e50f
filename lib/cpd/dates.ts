const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar days as YYYY-MM-DD in UTC: cycles are days on a licence, not instants. */
export function toDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function dayToTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToTime(to) - dayToTime(from)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return toDay(new Date(dayToTime(day) + days * DAY_MS));
}

/** The day before the same date `months` later: a 36-month cycle from 2024-04-01 ends 2027-03-31. */
export function cycleEndFor(startsOn: string, months: number): string {
  const start = new Date(dayToTime(startsOn));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()));
  // 31 January + 1 month lands in March; clamp to the last day of the intended month.
  if (end.getUTCDate() !== start.getUTCDate()) end.setUTCDate(0);
  return addDays(toDay(end), -1);
}

export function isWithin(day: string, startsOn: string, endsOn: string): boolean {
  return day >= startsOn && day <= endsOn;
}
