import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters for rate-limiter-flexible's Drizzle store, shared by every server process. UNLOGGED
 * (migration 0007, which drizzle's schema cannot express): written on nearly every public
 * request, and losing them in a crash only resets the limits.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { mode: "date", withTimezone: true }),
});
