/**
 * Hours a credential states only in its words ("Notional workload: 30 hours (1 ECTS)", "a 30-hour
 * course", "20–25 Stunden"), found so the holder can choose to count them (issue 18). Pure: the
 * credential page offers what this finds, and the holder's confirmation is stored apart from the
 * record (lib/holder-workload/data.ts). Nothing found is ever counted without the holder.
 *
 * It errs on the side of finding nothing: clock time ("24 hours a day", "within 48 hours",
 * "every 4 hours", "24-hour care") is not workload, and two different figures in one text leave the
 * holder to set hours themselves rather than Tessera guessing which one is meant.
 */
import type { NormalizedCredential } from "@/lib/credentials/record";

export interface MentionedHours {
  /** What would be counted: the figure, or the lower end of a range (a cautious claim for CPD). */
  hours: number;
  /** The words as found, e.g. "30 hours" or "20–25 Stunden", to quote back to the holder. */
  quote: string;
}

/** Past this a figure is a duration of practice or a typo, not a course's workload (a short programme is ≤ 1,500 h). */
const MAX_HOURS = 2000;

const NUMBER = String.raw`(\d{1,4}(?:[.,]\d{1,2})?)`;
const RANGE = String.raw`${NUMBER}(?:\s*(?:-|–|—|to|bis|à|a)\s*${NUMBER})?`;
/** Hours in English, German, French, Spanish, Italian, Dutch and Ukrainian; minutes in English. */
const HOUR_WORD = String.raw`hours?|hrs?|stunden|std\.?|heures?|horas?|ore|uur|годин[аи]?`;
const MINUTE_WORD = String.raw`minutes?|mins?`;
/** "30 hours", "20-25 hrs", "90 minutes". The lookahead keeps "hours" from matching inside "hourslong". */
const AMOUNT = new RegExp(String.raw`${RANGE}\s*(?:(${HOUR_WORD})|(${MINUTE_WORD}))(?![\p{L}\d])`, "giu");
/** "a 30-hour course": the compound counts only before a word that names learning. */
const COMPOUND = new RegExp(
  String.raw`${NUMBER}[-\s]hours?[-\s](?:cpd\s+)?(?:course|programme|program|module|training|workshop|class|e-?learning|learning|certificate|curriculum|seminar|session)`,
  "giu",
);

/** Clock time, not effort: "24 hours a day", "8 hours per shift", "within 48 hours", "every 4 hours". */
const AFTER_CLOCK =
  /^\s*(?:a|per|each|every)\s+(?:day|night|week|shift|month|year)|^\s*(?:daily|weekly|later|after|before|ago|of\s+(?:operation|opening|service|care|duty))\b|^\s*(?:on\s+call|notice|post|prior)\b/iu;
const BEFORE_CLOCK =
  /(?:within|every|after|before|in\s+the\s+first|in\s+the\s+last|past|last|next|up\s+to|at\s+least\s+every|for\s+the\s+first|around\s+the\s+clock|innerhalb\s+von|alle|dans\s+les|en\s+moins\s+de)\s*$/iu;
/** Words that mark a figure as the workload itself; such a mention wins over any other figure. */
const WORKLOAD_CUE =
  /(?:workload|notional|study|learning|duration|cpd|ceu|contact|guided|total|volume|arbeitsaufwand|lernaufwand|umfang|charge\s+de\s+travail|durée|carga|duración|durata)[^.;\n]{0,30}$/iu;

function toNumber(text: string): number {
  return Number(text.replace(",", "."));
}

interface Found extends MentionedHours {
  cued: boolean;
}

function mentionsIn(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const start = match.index;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(start + match[0].length, start + match[0].length + 30);
    if (BEFORE_CLOCK.test(before) || AFTER_CLOCK.test(after)) continue;
    // "24/7 hours", "9:30 hours": a figure glued to another by a slash or colon is not a count of hours.
    if (/\d[/:.,]$/.test(before)) continue;
    const low = toNumber(match[1]!);
    const high = match[2] ? toNumber(match[2]) : low;
    const perMinute = match[4] !== undefined ? 60 : 1;
    const hours = Math.round((Math.min(low, high) / perMinute) * 100) / 100;
    if (!(hours > 0) || hours > MAX_HOURS || high < low) continue;
    found.push({ hours, quote: match[0].trim(), cued: WORKLOAD_CUE.test(before) });
  }
  for (const match of text.matchAll(COMPOUND)) {
    const hours = toNumber(match[1]!);
    if (!(hours > 0) || hours > MAX_HOURS) continue;
    found.push({ hours, quote: match[0].trim(), cued: true });
  }
  return found;
}

/** One figure, or none: the workload-cued figures if they agree, else every figure if they agree. */
export function findMentionedHours(texts: readonly (string | undefined)[]): MentionedHours | null {
  const all = texts.flatMap((text) => (text ? mentionsIn(text) : []));
  for (const pool of [all.filter((f) => f.cued), all]) {
    if (pool.length === 0) continue;
    const distinct = new Set(pool.map((f) => f.hours));
    if (distinct.size !== 1) return null;
    const { hours, quote } = pool[0]!;
    return { hours, quote };
  }
  return null;
}

/** The words of a record that can state workload: title, description, criteria, outcomes, assessment. */
export function workloadTextsOf(record: NormalizedCredential): string[] {
  return [
    record.title,
    record.description,
    record.criteria?.narrative,
    ...record.learningOutcomes.flatMap((o) => [o.title, o.description]),
    record.assessment?.description,
    record.participation,
  ].filter((t): t is string => typeof t === "string" && t.length > 0);
}

/** What the credential page offers: only when the record itself states no hours. */
export function mentionedHoursOf(record: NormalizedCredential): MentionedHours | null {
  if (record.workload?.hours !== undefined) return null;
  return findMentionedHours(workloadTextsOf(record));
}
