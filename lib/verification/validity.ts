/**
 * Validity window: VC 1.1 issuanceDate/expirationDate, VC 2.0 validFrom/validUntil, JWT nbf/exp,
 * OB 2.0 issuedOn/expires, EDC validFrom/expirationDate. When several apply, the strictest wins.
 * The same 300 s clock skew as @digitalbazaar/vc (docs/formats/vc.md#validity-dates).
 */
import { failed, passed, unknown } from "./checks";
import type { Json } from "./json";
import type { Check } from "./types";

export const MAX_CLOCK_SKEW_MS = 300_000;

export interface DateField {
  field: string;
  value: unknown;
}

export interface DateFacts {
  notBefore: DateField[];
  notAfter: DateField[];
}

/** Date.parse rolls impossible days over (2015-04-31 → 2015-05-01): such a date is unreadable, not the next day. */
function impossibleDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0); // day 0 of the next month = the last day of `month`
  return month < 1 || month > 12 || day < 1 || day > last.getUTCDate();
}

/** ISO string, or a number of seconds since the epoch (JWT claims, OB 1.0 issuedOn). */
function parseDate(value: unknown): Date | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.trim();
  if (impossibleDay(text)) return undefined;
  const ms = /^\d{9,11}$/.test(text) ? Number(text) * 1000 : Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function vcDateFacts(credential: Json): DateFacts {
  return {
    notBefore: [
      { field: "validFrom", value: credential.validFrom },
      { field: "issuanceDate", value: credential.issuanceDate },
    ],
    notAfter: [
      { field: "validUntil", value: credential.validUntil },
      { field: "expirationDate", value: credential.expirationDate },
    ],
  };
}

export function jwtDateFacts(claims: Json): DateFacts {
  return { notBefore: [{ field: "nbf", value: claims.nbf }], notAfter: [{ field: "exp", value: claims.exp }] };
}

export function ob2DateFacts(assertion: Json): DateFacts {
  return {
    notBefore: [{ field: "issuedOn", value: assertion.issuedOn }],
    notAfter: [{ field: "expires", value: assertion.expires }],
  };
}

export function mergeFacts(...facts: DateFacts[]): DateFacts {
  return { notBefore: facts.flatMap((f) => f.notBefore), notAfter: facts.flatMap((f) => f.notAfter) };
}

function pick(fields: DateField[], latest: boolean): { date?: Date; bad?: string } {
  let date: Date | undefined;
  for (const { field, value } of fields) {
    if (value === undefined || value === null) continue;
    const parsed = parseDate(value);
    if (!parsed) return { bad: field };
    if (!date || (latest ? parsed > date : parsed < date)) date = parsed;
  }
  return { date };
}

export function validityCheck(facts: DateFacts, now: Date): Check {
  const from = pick(facts.notBefore, true);
  const until = pick(facts.notAfter, false);
  const bad = from.bad ?? until.bad;
  if (bad)
    return unknown("validity", "The credential's dates could not be read, so its validity period is not known.", {
      field: bad,
    });
  const details = {
    validFrom: from.date?.toISOString(),
    validUntil: until.date?.toISOString(),
    checkedAt: now.toISOString(),
  };
  if (from.date && until.date && until.date < from.date)
    return failed("validity", "The credential expires before it becomes valid, so it is never valid.", details);
  if (from.date && from.date.getTime() - MAX_CLOCK_SKEW_MS > now.getTime()) {
    return failed("validity", `The credential is not valid yet: it becomes valid on ${day(from.date)}.`, details);
  }
  if (until.date && now.getTime() - MAX_CLOCK_SKEW_MS > until.date.getTime()) {
    return failed("validity", `The credential expired on ${day(until.date)}.`, details);
  }
  if (until.date)
    return passed(
      "validity",
      `The credential is within its validity period (valid until ${day(until.date)}).`,
      details,
    );
  return passed("validity", "The credential is valid and has no expiry date.", details);
}
