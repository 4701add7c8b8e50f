/**
 * What is left to do, in notional hours. Requirements that state no hours are counted apart
 * (`unknown`) instead of being guessed, and sort after every requirement with known hours: the
 * holder sees the shortest known way first.
 */
export interface Effort {
  /** Known remaining hours. */
  hours: number;
  /** Remaining steps whose hours nobody stated. */
  unknown: number;
}

export const NO_EFFORT: Effort = { hours: 0, unknown: 0 };

export const addEffort = (a: Effort, b: Effort): Effort => ({
  hours: a.hours + b.hours,
  unknown: a.unknown + b.unknown,
});

export const compareEffort = (a: Effort, b: Effort): number => a.unknown - b.unknown || a.hours - b.hours;

/** Rounded up to a tenth of an hour for display; 0 stays 0. */
export const roundHours = (hours: number) => Math.max(0, Math.ceil(hours * 10 - 1e-9)) / 10;
