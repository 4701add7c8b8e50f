import { sql } from "drizzle-orm";
import { check, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { credentials } from "./credentials";

/** What a holder says a credit figure without a unit is: ECTS, hours, or another unit (never counted). */
export type HolderCreditUnit = "ects" | "hours" | "other";

/**
 * Workload the holder set for a credential that does not state it in its data (issue 18): hours
 * its text mentions, confirmed by the holder, or the unit of a credit figure the issuer gave
 * without one. A holder annotation, like the note and tags: the record, the payload and the
 * original bytes are never touched, and every page that counts it says "holder-set".
 */
export const holderWorkloads = pgTable(
  "holder_workloads",
  {
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => credentials.id, { onDelete: "cascade" }),
    /** Hours the credential's text mentions, confirmed by the holder. */
    mentionedHours: real("mentioned_hours"),
    /** The unit the holder gave the credential's unit-less credit figure. */
    creditUnit: text("credit_unit").$type<HolderCreditUnit>(),
    /** What counts, worked out when set: the figures every summary adds up. */
    hours: real("hours"),
    ects: real("ects"),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.holderId, t.credentialId] }),
    check("holder_workloads_hours_range", sql`${t.hours} is null or (${t.hours} > 0 and ${t.hours} <= 2000)`),
    check("holder_workloads_ects_range", sql`${t.ects} is null or (${t.ects} > 0 and ${t.ects} <= 300)`),
    check(
      "holder_workloads_credit_unit",
      sql`${t.creditUnit} is null or ${t.creditUnit} in ('ects', 'hours', 'other')`,
    ),
  ],
);
