import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The registry of issuers Tessera knows (seeded with the demo issuers; administrators add more).
 * Membership is shown as "known issuer" / "issuer not in registry"; it never replaces the
 * cryptographic issuer check.
 */
export const knownIssuers = pgTable("known_issuers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  note: text("note"),
  addedAt: timestamp("added_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});
