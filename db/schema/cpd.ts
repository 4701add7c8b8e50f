import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { CpdProfile, RecordKind } from "@/lib/cpd/profile-schema";
import { users } from "./auth";
import { credentials } from "./credentials";

export type CpdProfileSource = "catalog" | "holder";

/**
 * CPD requirement profiles (lib/cpd/profile-schema, validated before they are stored): the shared
 * catalog of regulators' rules (no holder) and profiles a holder defines for themselves.
 */
export const cpdProfiles = pgTable(
  "cpd_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for the shared catalog; a holder's id for their own profiles. */
    holderId: text("holder_id").references(() => users.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    source: text("source").$type<CpdProfileSource>().notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<CpdProfile>().notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cpd_profiles_catalog_slug")
      .on(t.slug)
      .where(sql`${t.holderId} is null`),
    uniqueIndex("cpd_profiles_holder_slug")
      .on(t.holderId, t.slug)
      .where(sql`${t.holderId} is not null`),
  ],
);

/** A holder's renewal cycle against one profile; both dates are inclusive calendar days. */
export const cpdCycles = pgTable(
  "cpd_cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => cpdProfiles.id, { onDelete: "cascade" }),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cpd_cycles_holder").on(t.holderId, t.endsOn),
    check("cpd_cycles_ends_after_start", sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

/** What the holder says about one credential as CPD: replaces what Tessera derived from the record. */
export const cpdActivities = pgTable(
  "cpd_activities",
  {
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => credentials.id, { onDelete: "cascade" }),
    hours: real("hours"),
    participatory: boolean("participatory"),
    topics: text("topics").array(),
    recordKinds: text("record_kinds").array().$type<RecordKind[]>(),
    excluded: boolean("excluded").notNull().default(false),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.holderId, t.credentialId] }),
    check("cpd_activities_hours_range", sql`${t.hours} is null or (${t.hours} >= 0 and ${t.hours} <= 2000)`),
  ],
);

/** Reminders are on unless the holder turns them off; no row means both channels on. */
export const cpdReminderSettings = pgTable("cpd_reminder_settings", {
  holderId: text("holder_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  inApp: boolean("in_app").notNull().default(true),
  email: boolean("email").notNull().default(true),
  updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

/** One row per reminder emailed: the key names the subject, its date and the threshold crossed. */
export const cpdReminderDeliveries = pgTable(
  "cpd_reminder_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reminderKey: text("reminder_key").notNull(),
    sentAt: timestamp("sent_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cpd_reminder_deliveries_key").on(t.holderId, t.reminderKey)],
);
