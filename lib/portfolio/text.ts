/**
 * Printed text is hostile text (docs/threat-model.md D8, G1). Control characters, bidi overrides and
 * isolates (which make "gpj.exe" read as "exe.jpg") and zero-width characters (which hide
 * words from search and from a reader) are removed; whitespace collapses to one line; long
 * values are cut at a whole character with an ellipsis. What remains is shown literally: the
 * PDF writer escapes it, React escapes it in the print view.
 */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function printableLine(value: string | null | undefined, maxChars: number): string {
  if (!value) return "";
  // A line break or tab separates words; an invisible character was never a separator.
  const line = value.replace(CONTROLS, " ").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  const chars = Array.from(line);
  return chars.length <= maxChars
    ? line
    : `${chars
        .slice(0, maxChars - 1)
        .join("")
        .trimEnd()}…`;
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** "3 Mar 2026" (stored instants are UTC and shown in UTC, as everywhere in Tessera). */
export function printableDay(date: Date | null): string | null {
  return date && !Number.isNaN(date.getTime()) ? DAY.format(date) : null;
}

export function printableNumber(value: number): string {
  return NUMBER.format(value);
}

/** "6 h · 5 ECTS" (holder-set figures marked as such), or null: the same wording as on screen. */
export { workloadText as printableWorkload } from "@/lib/credentials/workload-text";
