import "server-only";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { sendDueReminderDigests } from "./digest";

const HOUR_MS = 60 * 60 * 1000;
const globalForTimer = globalThis as unknown as { tesseraReminderTimer?: NodeJS.Timeout };

/**
 * Hourly email digests from the server process, only when real mail is configured (SMTP_URL):
 * without it the `reminders` command writes them to the mail folder on demand, and a development
 * or test server does not fill the outbox the sign-in journeys read. Several instances may run
 * this at once; the delivery rows make each reminder go out once.
 */
export function startReminderDigests(): void {
  if (globalForTimer.tesseraReminderTimer || !env.smtpUrl) return;
  let running = false;
  globalForTimer.tesseraReminderTimer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueReminderDigests(getDb(), new Date())
      .catch((error: unknown) => console.error("[reminders] digest schedule:", error))
      .finally(() => {
        running = false;
      });
  }, HOUR_MS);
  globalForTimer.tesseraReminderTimer.unref();
}
