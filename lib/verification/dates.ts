/**
 * Reading dates from credentials without ever using the server's local time zone. JavaScript's
 * Date.parse reads an ISO date-time without an offset ("2026-01-01T00:00:00") — and any non-ISO
 * text — in the local zone, so the same credential could be valid on one server and expired on
 * another. Here only ISO 8601 forms are read; one without an offset is read as UTC and says so.
 */

export interface ReadDate {
  date: Date;
  /** "given": an explicit Z or ±hh:mm; "none": a date-time without one; "date-only": a calendar day. */
  zone: "given" | "none" | "date-only";
}

// YYYY-MM-DD, optionally Thh:mm[:ss[.fff]] and Z / ±hh:mm / ±hhmm.
const ISO = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Date.parse rolls impossible days over (2015-04-31 → 2015-05-01): such a date is unreadable, not the next day. */
function impossibleDay(year: number, month: number, day: number): boolean {
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0); // day 0 of the next month = the last day of `month`
  return month < 1 || month > 12 || day < 1 || day > last.getUTCDate();
}

/** An ISO 8601 date or date-time, or undefined when the text is anything else. */
export function readIsoDate(text: string): ReadDate | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  if (impossibleDay(Number(year), Number(month), Number(day))) return undefined;
  if (hour === undefined) {
    const ms = Date.parse(`${year}-${month}-${day}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : { date: new Date(ms), zone: "date-only" };
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined;
  const zone =
    offset === undefined ? "Z" : offset.toUpperCase() === "Z" ? "Z" : offset.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const ms = Date.parse(
    `${year}-${month}-${day}T${hour}:${minute}:${second ?? "00"}${(fraction ?? "").slice(0, 4)}${zone}`,
  );
  return Number.isNaN(ms) ? undefined : { date: new Date(ms), zone: offset === undefined ? "none" : "given" };
}
