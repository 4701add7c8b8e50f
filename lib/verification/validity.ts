/**
 * Validity window: VC 1.1 issuanceDate/expirationDate, VC 2.0 validFrom/validUntil, JWT nbf/exp,
 * OB 2.0 issuedOn/expires, EDC validFrom/expirationDate. When several apply, the strictest wins.
 * The same 300 s clock skew as @digitalbazaar/vc (docs/formats/vc.md#validity-dates).
 */
import { failed, passed, unknown } from "./checks";
import { vcVersionOf } from "./canon/context-allowlist";
import { readIsoDate, type ReadDate } from "./dates";
import type { Json } from "./json";
import type { Check } from "./types";

export const MAX_CLOCK_SKEW_MS = 300_000;

export interface DateField {
  field: string;
  value: unknown;
  /** VC 2.0: the value must be a dateTimeStamp — a date and time with a time zone. */
  zoneRequired?: boolean;
}

export interface DateFacts {
  notBefore: DateField[];
  notAfter: DateField[];
}

/** ISO string, or a number of seconds since the epoch (JWT claims, OB 1.0 issuedOn). */
function parseDate(value: unknown): ReadDate | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return { date: new Date(value * 1000), zone: "given" };
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d{9,11}$/.test(text)) return { date: new Date(Number(text) * 1000), zone: "given" };
  return readIsoDate(text);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * VC 2.0 dates must be dateTimeStamps (VC Data Model 2.0 §validity period): without a time zone they
 * are invalid. VC 1.1 dates are dateTimes, whose time zone is optional: one without is read as UTC.
 */
export function vcDateFacts(credential: Json): DateFacts {
  const zoneRequired = vcVersionOf(credential) === 2;
  return {
    notBefore: [
      { field: "validFrom", value: credential.validFrom, zoneRequired },
      { field: "issuanceDate", value: credential.issuanceDate, zoneRequired },
    ],
    notAfter: [
      { field: "validUntil", value: credential.validUntil, zoneRequired },
      { field: "expirationDate", value: credential.expirationDate, zoneRequired },
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

interface Picked {
  date?: Date;
  /** A field that could not be read at all. */
  bad?: string;
  /** A VC 2.0 field without a time zone. */
  zoneless?: DateField;
  /** Fields read as UTC because they carried no time zone. */
  readAsUtc: string[];
}

function pick(fields: DateField[], latest: boolean): Picked {
  let date: Date | undefined;
  const readAsUtc: string[] = [];
  for (const field of fields) {
    if (field.value === undefined || field.value === null) continue;
    const parsed = parseDate(field.value);
    if (!parsed) return { bad: field.field, readAsUtc };
    if (parsed.zone !== "given" && field.zoneRequired) return { zoneless: field, readAsUtc };
    if (parsed.zone !== "given") readAsUtc.push(field.field);
    if (!date || (latest ? parsed.date > date : parsed.date < date)) date = parsed.date;
  }
  return { date, readAsUtc };
}

export function validityCheck(facts: DateFacts, now: Date): Check {
  const from = pick(facts.notBefore, true);
  const until = pick(facts.notAfter, false);
  const bad = from.bad ?? until.bad;
  if (bad)
    return unknown("validity", "The credential's dates could not be read, so its validity period is not known.", {
      field: bad,
    });
  const zoneless = from.zoneless ?? until.zoneless;
  if (zoneless)
    return failed(
      "validity",
      `The credential's ${zoneless.field} (${String(zoneless.value).slice(0, 40)}) has no time zone, which a VC 2.0 credential must give, so its validity period is invalid.`,
      { field: zoneless.field },
    );
  const utc = [...from.readAsUtc, ...until.readAsUtc];
  const details = {
    validFrom: from.date?.toISOString(),
    validUntil: until.date?.toISOString(),
    checkedAt: now.toISOString(),
    timeZone: utc.length > 0 ? `${utc.join(" and ")} had no time zone; read as UTC` : undefined,
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
