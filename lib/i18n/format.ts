import type { Locale } from "./locales";

/**
 * Dates, numbers, hours and ECTS in a reader's language, through Intl. Stored instants are UTC and
 * shown in UTC (a credential's "valid until 3 March" must not move a day with the server's zone).
 * Formatters are built once per locale: one costs ~100 µs and a wallet page formats hundreds.
 */
export interface Formatters {
  /** "3 March 2026" / "3. März 2026" / "٣ مارس ٢٠٢٦"; an unreadable string is shown as given. */
  day(value: string | Date | null | undefined): string | null;
  /** "3 Mar 2026", for cards where space is short. */
  shortDay(value: string | Date | null | undefined): string | null;
  number(value: number): string;
  /** A count: "12,400" / "12.400". */
  count(value: number): string;
  /** Learning hours: "6 h" / "6 Std." / "6 ч". */
  hours(value: number): string;
  /** ECTS credits: the number in the reader's digits, then the acronym used in every EU language. */
  ects(value: number): string;
  /** "6 h · 5 ECTS", or null when the credential states neither. */
  workload(hours: number | null, ects: number | null): string | null;
  /** When a check ran, to the minute: "3 Mar 2026, 14:05 UTC" (the zone said, since readers are anywhere). */
  moment(value: string | Date): string;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function build(locale: Locale): Formatters {
  // English reads day-month-year as in the rest of Tessera (en-GB), not the US order.
  const tag = locale === "en" ? "en-GB" : locale;
  const longDay = new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const shortDay = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(tag);
  const hours = new Intl.NumberFormat(tag, {
    style: "unit",
    unit: "hour",
    unitDisplay: "short",
    maximumFractionDigits: 1,
  });
  const f: Formatters = {
    day(value) {
      const date = toDate(value);
      if (!date) return typeof value === "string" && value ? value : null;
      return longDay.format(date);
    },
    shortDay(value) {
      const date = toDate(value);
      return date ? shortDay.format(date) : null;
    },
    number: (value) => number.format(value),
    count: (value) => count.format(value),
    hours: (value) => hours.format(value),
    ects: (value) => `${number.format(value)}\u00a0ECTS`,
    workload(h, e) {
      const parts = [h !== null ? f.hours(h) : null, e !== null ? f.ects(e) : null].filter(Boolean);
      return parts.length > 0 ? parts.join(" · ") : null;
    },
    moment(value) {
      const date = toDate(value);
      return date ? `${moment.format(date)} UTC` : String(value);
    },
  };
  return f;
}

const built = new Map<Locale, Formatters>();

export function formattersFor(locale: Locale): Formatters {
  let f = built.get(locale);
  if (!f) {
    f = build(locale);
    built.set(locale, f);
  }
  return f;
}
