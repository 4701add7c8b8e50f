import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Goal, PathwayDefinition } from "@/lib/stacking";
import { users } from "./auth";

export type PathwaySource = "catalog" | "goal";

/**
 * Pathway definitions (lib/stacking, versioned JSON, validated before they are stored): the
 * shared catalog (no holder) and each holder's own goals. Progress is computed from these and the
 * holder's credentials on every read, so import, delete and expiry are always reflected.
 */
export const pathways = pgTable(
  "pathways",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for the shared catalog; a holder's id for their own goals. */
    holderId: text("holder_id").references(() => users.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    source: text("source").$type<PathwaySource>().notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<PathwayDefinition>().notNull(),
    /** What the holder chose, kept so a goal can be edited as it was entered. */
    goal: jsonb("goal").$type<Goal>(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pathways_catalog_slug")
      .on(t.slug)
      .where(sql`${t.holderId} is null`),
    uniqueIndex("pathways_holder_slug")
      .on(t.holderId, t.slug)
      .where(sql`${t.holderId} is not null`),
  ],
);

/** The catalog pathways a holder chose to follow (their goals are always followed). */
export const pathwayFollows = pgTable(
  "pathway_follows",
  {
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pathwayId: uuid("pathway_id")
      .notNull()
      .references(() => pathways.id, { onDelete: "cascade" }),
    followedAt: timestamp("followed_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.holderId, t.pathwayId] }), index("pathway_follows_pathway").on(t.pathwayId)],
);
