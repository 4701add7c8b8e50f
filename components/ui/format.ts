/** How numbers, dates and counts read everywhere in Tessera (en-GB; stored instants are UTC, shown in UTC). */

// Built once: a formatter costs ~100 µs to create and a wallet page formats hundreds of values.
const LONG_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const SHORT_DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat("en-GB");

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 March 2026"; an unreadable string is shown as given rather than hidden. */
export function formatDay(value: string | Date | null | undefined): string | null {
  const date = toDate(value);
  if (!date) return typeof value === "string" && value ? value : null;
  return LONG_DAY.format(date);
}

/** "3 Mar 2026", for cards where space is short. */
export function formatShortDay(value: string | Date | null | undefined): string | null {
  const date = toDate(value);
  return date ? SHORT_DAY.format(date) : null;
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${COUNT.format(count)} ${count === 1 ? one : many}`;
}

/** "6 h · 5 ECTS" (holder-set figures marked as such), or null: the one wording in lib/credentials. */
export { workloadText as formatWorkload } from "@/lib/credentials/workload-text";
