import { parseArgs } from "node:util";
import { sendDueReminderDigests } from "@/lib/cpd/digest";
import type { CliCommand } from "./commands";

/**
 * Emails each holder the reminders due now that were not sent before (expiring credentials,
 * renewal cycles ending with rules unmet). Safe to run from cron as often as you like.
 */
export const remindersCommand: CliCommand = {
  summary: "Email due expiry and renewal reminders (each reminder is sent once)",
  usage: "reminders [--now ISO_DATE]",
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { now: { type: "string" } } });
    const now = values.now ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime())) {
      ctx.err("Usage: npm run tessera -- reminders [--now 2026-12-06T08:00:00Z]");
      return 2;
    }
    const outcome = await sendDueReminderDigests(ctx.db, now);
    ctx.out(
      `Checked ${outcome.holdersChecked} holder(s); sent ${outcome.mailsSent} digest(s) with ${outcome.remindersSent} new reminder(s).`,
    );
    if (outcome.failures > 0)
      ctx.err(`${outcome.failures} digest(s) could not be sent; they will be tried again on the next run.`);
    return outcome.failures > 0 ? 1 : 0;
  },
};
