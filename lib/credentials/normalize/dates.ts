import { cleanLine } from "./text";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds since the epoch for a strict ISO 8601 / RFC 3339 date or date-time, else undefined. */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  // Date.parse would roll "2015-04-31" over to 1 May; an impossible date is not a date.
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return undefined;
  let offset = 0;
  if (zone !== "Z" && zone !== "z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
    if (Math.abs(offset) > 18 * 60) return undefined;
  }
  const ms = Number(`0.${frac || "0"}`) * 1000;
  // A leap second is read as the last moment of its minute.
  return Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offset * 60_000;
}

/**
 * A date as Tessera stores it: full ISO 8601 in UTC when it can be read, otherwise the text as
 * found (so the verifier can report it), or undefined when there is nothing.
 * - Date-times without a zone are read as UTC (credentials are issued by servers; a local time
 *   of an unknown zone is at most a day off).
 * - A date alone becomes midnight UTC of that day.
 * - Numbers, or strings of 9 to 11 digits, are Unix timestamps in seconds (OB 1.0 allows them).
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? fromSeconds(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = cleanLine(value, 100);
  if (text === "") return undefined;
  if (/^\d{9,11}$/.test(text)) return fromSeconds(Number(text));
  const ms = parseIsoDate(text);
  return ms === undefined || !Number.isFinite(ms) ? text : new Date(ms).toISOString();
}

function fromSeconds(seconds: number): string | undefined {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
