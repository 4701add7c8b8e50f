import ical, { ICalAlarmType } from "ical-generator";
import { REMINDER_THRESHOLDS } from "./reminders";

/**
 * The holder's renewal dates as an iCalendar file (RFC 5545) for any calendar app: each
 * credential's expiry and each cycle's end as an all-day event with alarms at the reminder
 * thresholds (90, 30 and 7 days before), so the phone reminds the holder even when Tessera's
 * emails are off. UIDs are stable, so importing a newer file updates events instead of adding
 * copies. Built with ical-generator: it escapes the imported text (titles, issuers) as RFC 5545
 * requires.
 */

export interface CalendarCredential {
  id: string;
  title: string;
  issuerName: string;
  validUntil: Date;
}

export interface CalendarCycle {
  id: string;
  profileName: string;
  /** The cycle's last day, YYYY-MM-DD. */
  endsOn: string;
}

const DAY_SECONDS = 86_400;
const MAX_TEXT = 300;

/** A date-only event on the UTC calendar day (the wallet shows dates in UTC as well). */
function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function renewalCalendar({
  credentials,
  cycles,
  appUrl,
  now,
}: {
  credentials: CalendarCredential[];
  cycles: CalendarCycle[];
  appUrl: string;
  now: Date;
}): string {
  const host = new URL(appUrl).host;
  const calendar = ical({
    name: "Tessera: renewals",
    prodId: { company: "Tessera", product: "renewals", language: "EN" },
    timezone: "UTC",
  });
  for (const credential of credentials) {
    const title = credential.title.slice(0, MAX_TEXT);
    const event = calendar.createEvent({
      id: `credential-${credential.id}@${host}`,
      stamp: now,
      start: utcDay(credential.validUntil),
      allDay: true,
      summary: `${title} expires`,
      description: `${title} from ${credential.issuerName.slice(0, MAX_TEXT)} is valid until this day. Renew it before then.\n${appUrl}/credentials/${credential.id}`,
      url: `${appUrl}/credentials/${credential.id}`,
    });
    for (const days of REMINDER_THRESHOLDS)
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: days * DAY_SECONDS,
        description: `${title} expires in ${days} days`,
      });
  }
  for (const cycle of cycles) {
    const name = cycle.profileName.slice(0, MAX_TEXT);
    const event = calendar.createEvent({
      id: `cpd-cycle-${cycle.id}@${host}`,
      stamp: now,
      start: new Date(`${cycle.endsOn}T00:00:00Z`),
      allDay: true,
      summary: `${name}: cycle ends`,
      description: `The last day of your ${name} cycle. See what is still missing in Tessera:\n${appUrl}/renewal/cycles/${cycle.id}`,
      url: `${appUrl}/renewal/cycles/${cycle.id}`,
    });
    for (const days of REMINDER_THRESHOLDS)
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: days * DAY_SECONDS,
        description: `${name}: cycle ends in ${days} days`,
      });
  }
  return calendar.toString();
}
