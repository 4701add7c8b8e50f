import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { collections } from "./collections";
import { credentials } from "./credentials";

/** What a share link names: one credential, a chosen selection, a collection (live), or the whole wallet. */
export type ShareScope = "credential" | "selection" | "collection" | "profile";

/**
 * A revocable, expiring link a holder sends to a recruiter. The token itself is never stored:
 * only its SHA-256 (the lookup key) and a short, non-secret hint to tell links apart
 * (docs/threat-model.md F1, ASVS 11.5.1).
 */
export const shares = pgTable(
  "shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Hex SHA-256 of the whole token string ("tsv_…"). */
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the token ("tsv_Ab3x"): 36 of its 256 bits, enough to recognise a link, useless to open it. */
    tokenHint: text("token_hint").notNull(),
    scope: text("scope").$type<ShareScope>().notNull(),
    /** For a collection share; null after the collection is deleted (the link then answers "gone"). */
    collectionId: uuid("collection_id").references(() => collections.id, { onDelete: "set null" }),
    headline: text("headline"),
    showEmail: boolean("show_email").notNull().default(false),
    showEvidence: boolean("show_evidence").notNull().default(false),
    showNotes: boolean("show_notes").notNull().default(false),
    /**
     * The language the holder gave the page ("show this page in German"), or null: the reader's.
     * A visitor's own choice on the switcher still wins (lib/i18n/locales.ts shareLocale).
     */
    locale: text("locale"),
    /** Null: the link never expires (the holder chose so explicitly). */
    expiresAt: timestamp("expires_at", { mode: "date", withTimezone: true }),
    revokedAt: timestamp("revoked_at", { mode: "date", withTimezone: true }),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: timestamp("last_viewed_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("shares_token_hash").on(t.tokenHash),
    index("shares_holder_created").on(t.holderId, t.createdAt.desc()),
    index("shares_collection").on(t.collectionId),
  ],
);

/**
 * The credentials a "credential" or "selection" share names, in the holder's order. Deleting the
 * credential removes it from every link (cascade), so a page never shows what is no longer there.
 */
export const shareCredentials = pgTable(
  "share_credentials",
  {
    shareId: uuid("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => credentials.id, { onDelete: "cascade" }),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shareId, t.credentialId] }),
    index("share_credentials_credential").on(t.credentialId),
  ],
);

export type ShareRow = typeof shares.$inferSelect;
