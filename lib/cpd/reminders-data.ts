import "server-only";
import { and, asc, eq, gt, isNotNull, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cpdReminderSettings, credentials } from "@/db/schema";
import { listCycleViews } from "./cycles-data";
import { toDay } from "./dates";
import { dueReminders, REMINDER_THRESHOLDS, type Reminder } from "./reminders";

export interface ReminderSettings {
  inApp: boolean;
  email: boolean;
}

const DAY_MS = 86_400_000;

export async function getReminderSettings(db: Database, holderId: string): Promise<ReminderSettings> {
  const [row] = await db
    .select({ inApp: cpdReminderSettings.inApp, email: cpdReminderSettings.email })
    .from(cpdReminderSettings)
    .where(eq(cpdReminderSettings.holderId, holderId));
  return row ?? { inApp: true, email: true };
}

export async function saveReminderSettings(db: Database, holderId: string, settings: ReminderSettings): Promise<void> {
  const values = { ...settings, updatedAt: new Date() };
  await db
    .insert(cpdReminderSettings)
    .values({ holderId, ...values })
    .onConflictDoUpdate({ target: cpdReminderSettings.holderId, set: values });
}

/** Every reminder due for the holder now, whatever their settings (the caller applies them). */
export async function computeRemindersForHolder(db: Database, holderId: string, now: Date): Promise<Reminder[]> {
  const horizon = new Date(now.getTime() + (Math.max(...REMINDER_THRESHOLDS) + 1) * DAY_MS);
  const [expiring, cycles] = await Promise.all([
    db
      .select({ id: credentials.id, title: credentials.title, validUntil: credentials.validUntil })
      .from(credentials)
      .where(
        and(
          eq(credentials.holderId, holderId),
          isNotNull(credentials.validUntil),
          gt(credentials.validUntil, now),
          lte(credentials.validUntil, horizon),
        ),
      )
      .orderBy(asc(credentials.validUntil)),
    // Only cycles that can be due: not ended, and ending within the largest threshold.
    listCycleViews(db, holderId, now, (cycle) => cycle.endsOn >= toDay(now) && cycle.endsOn <= toDay(horizon)),
  ]);
  return dueReminders(
    now,
    expiring.map((c) => ({ id: c.id, title: c.title, validUntil: c.validUntil! })),
    cycles.map((c) => ({
      id: c.id,
      profileName: c.profile.name,
      endsOn: c.endsOn,
      allMet: c.progress.allMet,
      unmet: c.progress.rules.filter((r) => !r.met).map((r) => r.rule.label),
    })),
  );
}

/** The in-app notifications: none when the holder turned them off. */
export async function listNotificationsForHolder(
  db: Database,
  holderId: string,
  now: Date,
): Promise<{ enabled: boolean; reminders: Reminder[] }> {
  const settings = await getReminderSettings(db, holderId);
  if (!settings.inApp) return { enabled: false, reminders: [] };
  return { enabled: true, reminders: await computeRemindersForHolder(db, holderId, now) };
}
