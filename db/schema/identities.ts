import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";

/**
 * The holder's further email addresses, each confirmed by a link sent to it. The sign-in address
 * itself stays `users.email`; a row exists only once its address is confirmed, and an address
 * belongs to one holder at most (the unique index), so recipient matching and sign-in by any
 * address can never point at two accounts.
 */
export const holderEmails = pgTable(
  "holder_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Normalized exactly as sign-in normalizes (lib/auth/email-address.ts). */
    email: text("email").notNull(),
    confirmedAt: timestamp("confirmed_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("holder_emails_email").on(t.email), index("holder_emails_holder").on(t.holderId)],
);

/**
 * An outstanding "is this address yours?" link. Only the SHA-256 of the token is kept, like
 * sign-in tokens (docs/threat-model.md A1); the row is spent (deleted) by confirming it.
 */
export const emailConfirmations = pgTable(
  "email_confirmations",
  {
    tokenHash: text("token_hash").primaryKey(),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { mode: "date", withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_confirmations_holder").on(t.holderId, t.email)],
);

export type HolderDidStatus = "current" | "previous";

/**
 * The holder's wallet DIDs (did:key, Ed25519). The private key is stored only as a JWE encrypted
 * under the key-encryption key (lib/identities/key-encryption.ts), never in the clear. Rotating
 * makes the current DID "previous": it stays listed and keeps matching credentials issued to it.
 */
export const holderDids = pgTable(
  "holder_dids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    did: text("did").notNull(),
    /** The public key as a Multikey `publicKeyMultibase` (z6Mk…). */
    publicKeyMultibase: text("public_key_multibase").notNull(),
    /** Compact JWE of the Multikey secret key; never sent to a browser, logged or exported in the clear. */
    privateKeyJwe: text("private_key_jwe").notNull(),
    status: text("status").$type<HolderDidStatus>().notNull().default("current"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    uniqueIndex("holder_dids_did").on(t.did),
    uniqueIndex("holder_dids_one_current")
      .on(t.holderId)
      .where(sql`${t.status} = 'current'`),
  ],
);
