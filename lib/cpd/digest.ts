import "server-only";
import { and, eq, gt, gte, isNotNull, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdCycles, cpdReminderDeliveries, cpdReminderSettings, credentials, users } from "@/db/schema";
import type { OutgoingMail } from "@/lib/auth/mailer";
import { formattersFor } from "@/lib/i18n/format";
import { textDirection, type Locale } from "@/lib/i18n/locales";
import { storedLocale, translatorFor, type Translator } from "@/lib/i18n/translator";
import { addDays, toDay } from "./dates";
import { computeRemindersForHolder } from "./reminders-data";
import { REMINDER_THRESHOLDS, type Reminder } from "./reminders";
import { logError } from "@/lib/observability/logger";

export interface DigestDeps {
  send: (mail: OutgoingMail) => Promise<void>;
  appUrl: string;
}

export interface DigestOutcome {
  holdersChecked: number;
  mailsSent: number;
  remindersSent: number;
  failures: number;
}

const DAY_MS = 86_400_000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function reminderLine(t: Translator, day: (value: string) => string | null, r: Reminder): string {
  const date = day(r.day) ?? r.day;
  return r.kind === "credential-expiring"
    ? t("mail.reminders.credentialExpiring", { title: r.title, days: r.daysLeft, date })
    : t("mail.reminders.cycleEnding", {
        profile: r.title,
        days: r.daysLeft,
        date,
        count: r.unmetRules.length,
        rules: r.unmetRules.join("; "),
      });
}

/** One digest in the holder's language; credential titles and rule names are the issuers' and regulators' own words. */
export function digestMail(
  to: string,
  reminders: readonly Reminder[],
  appUrl: string,
  locale: Locale,
  t: Translator,
): OutgoingMail {
  const { day } = formattersFor(locale);
  const lines = reminders.map((r) => ({ text: reminderLine(t, day, r), url: new URL(r.href, appUrl).toString() }));
  const settings = new URL("/settings", appUrl).toString();
  const open = escapeHtml(t("mail.reminders.open"));
  const turnOff = t.markup("mail.reminders.turnOffHtml", {
    link: (chunks) => `<a href="${escapeHtml(settings)}">${escapeHtml([chunks].flat().join(""))}</a>`,
  });
  return {
    to,
    subject: t("mail.reminders.subject", { count: reminders.length }),
    text: [
      t("mail.hello"),
      "",
      ...lines.flatMap((l) => [`- ${l.text}`, `  ${l.url}`]),
      "",
      t("mail.reminders.turnOff", { url: settings }),
    ].join("\n"),
    html: `<div lang="${locale}" dir="${textDirection(locale)}"><p>${escapeHtml(t("mail.hello"))}</p><ul>${lines.map((l) => `<li>${escapeHtml(l.text)} <a href="${escapeHtml(l.url)}">${open}</a></li>`).join("")}</ul><p>${turnOff}</p></div>`,
  };
}

/** Holders with something inside the largest reminder window and email reminders not turned off. */
async function candidateHolders(
  db: Database,
  now: Date,
): Promise<{ id: string; email: string; locale: string | null }[]> {
  const horizon = new Date(now.getTime() + (Math.max(...REMINDER_THRESHOLDS) + 1) * DAY_MS);
  const today = toDay(now);
  const [byCredential, byCycle, optedOut, people] = await Promise.all([
    db
      .selectDistinct({ id: credentials.holderId })
      .from(credentials)
      .where(
        and(isNotNull(credentials.validUntil), gt(credentials.validUntil, now), lte(credentials.validUntil, horizon)),
      ),
    db
      .selectDistinct({ id: cpdCycles.holderId })
      .from(cpdCycles)
      .where(
        and(gte(cpdCycles.endsOn, today), lte(cpdCycles.endsOn, addDays(today, Math.max(...REMINDER_THRESHOLDS)))),
      ),
    db
      .select({ id: cpdReminderSettings.holderId })
      .from(cpdReminderSettings)
      .where(eq(cpdReminderSettings.email, false)),
    db.select({ id: users.id, email: users.email, locale: users.locale }).from(users),
  ]);
  const off = new Set(optedOut.map((r) => r.id));
  const due = new Set([...byCredential, ...byCycle].map((r) => r.id).filter((id) => !off.has(id)));
  return people.filter((p) => due.has(p.id));
}

/**
 * Emails each holder the reminders not sent before, one digest per holder. The delivery rows are
 * claimed in the same transaction as the send: a rerun (or a second runner at the same moment,
 * held by the unique key) sends nothing new; a failed send rolls back and is retried next run.
 */
export async function sendDueReminderDigests(
  db: Database,
  now: Date,
  deps?: Partial<DigestDeps>,
): Promise<DigestOutcome> {
  const send = deps?.send ?? (await import("@/lib/auth/mailer")).sendMail;
  const appUrl = deps?.appUrl ?? (await import("@/lib/env")).env.appUrl;
  const holders = await candidateHolders(db, now);
  const outcome: DigestOutcome = { holdersChecked: holders.length, mailsSent: 0, remindersSent: 0, failures: 0 };
  for (const holder of holders) {
    try {
      const reminders = await computeRemindersForHolder(db, holder.id, now);
      if (reminders.length === 0) continue;
      const sent = await db.transaction(async (tx) => {
        const claimed = await tx
          .insert(cpdReminderDeliveries)
          .values(reminders.map((r) => ({ holderId: holder.id, reminderKey: r.key, sentAt: now })))
          .onConflictDoNothing()
          .returning({ key: cpdReminderDeliveries.reminderKey });
        const fresh = new Set(claimed.map((c) => c.key));
        const toSend = reminders.filter((r) => fresh.has(r.key));
        if (toSend.length > 0) {
          const locale = storedLocale(holder.locale);
          await send(digestMail(holder.email, toSend, appUrl, locale, await translatorFor(locale)));
        }
        return toSend.length;
      });
      if (sent > 0) {
        outcome.mailsSent += 1;
        outcome.remindersSent += sent;
      }
    } catch (error) {
      outcome.failures += 1;
      logError("reminders", "digest failed for one holder", error);
    }
  }
  return outcome;
}
