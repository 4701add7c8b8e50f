import { daysBetween } from "./dates";

export const MIN_CYCLE_DAYS = 28;
export const MAX_CYCLE_DAYS = 3653;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  return (
    DAY.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

export interface CycleSpan {
  id?: string;
  startsOn: string;
  endsOn: string;
}

/** Field errors for a cycle: real dates, end after start, a sensible length, no overlap with the holder's other cycles on the same profile. */
export function checkCycleDates(cycle: CycleSpan, others: readonly CycleSpan[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (!isDay(cycle.startsOn)) add("startsOn", "Enter the start date as a real date, e.g. 2026-04-01.");
  // An empty end date is filled from the profile once the start is valid; no second error for it.
  if (!isDay(cycle.endsOn) && !(cycle.endsOn === "" && errors.startsOn))
    add("endsOn", "Enter the end date as a real date, e.g. 2029-03-31.");
  if (Object.keys(errors).length > 0) return errors;
  const length = daysBetween(cycle.startsOn, cycle.endsOn);
  if (length <= 0) add("endsOn", "The cycle must end after it starts.");
  else if (length < MIN_CYCLE_DAYS) add("endsOn", `A cycle lasts at least ${MIN_CYCLE_DAYS} days.`);
  else if (length > MAX_CYCLE_DAYS) add("endsOn", "A cycle lasts at most 10 years.");
  const clash = others.find((o) => o.id !== cycle.id && o.startsOn <= cycle.endsOn && cycle.startsOn <= o.endsOn);
  if (clash && !errors.endsOn)
    add(
      "startsOn",
      `This overlaps your cycle from ${clash.startsOn} to ${clash.endsOn} for the same profile. Cycles for one profile cannot overlap.`,
    );
  return errors;
}
