import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { NormalizedCredential } from "@/lib/credentials/record";
import type { Verdict, VerificationResult } from "@/lib/verification/types";
import { users } from "./auth";

/** Raw bytes (bytea) as Uint8Array; node-postgres returns Buffers, which are Uint8Arrays. */
export const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

const timestamps = {
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
};

/**
 * The bytes exactly as the holder gave them (a baked PNG, a JWS string, a JAdES JSON, a zip
 * entry). Never altered; export returns them byte for byte. One row per distinct file per holder.
 */
export const credentialOriginals = pgTable(
  "credential_originals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    mediaType: text("media_type").notNull(),
    filename: text("filename"),
    byteSize: integer("byte_size").notNull(),
    bytes: bytea("bytes").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("credential_originals_holder_sha256").on(t.holderId, t.sha256)],
);

export const credentials = pgTable(
  "credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    originalId: uuid("original_id").notNull().references(() => credentialOriginals.id, { onDelete: "restrict" }),
    /** A credential that arrived inside another (CLR 2.0 or a presentation). */
    parentId: uuid("parent_id").references((): AnyPgColumn => credentials.id, { onDelete: "set null" }),
    /** SHA-256 of the canonical credential payload: the same credential twice is one record, whatever its wrapper. */
    dedupeKey: text("dedupe_key").notNull(),
    format: text("format").$type<NormalizedCredential["format"]>().notNull(),
    securing: text("securing").$type<NormalizedCredential["securing"]>().notNull(),
    kind: text("kind").$type<NormalizedCredential["kind"]>().notNull(),
    title: text("title").notNull(),
    issuerName: text("issuer_name").notNull(),
    issuedAt: timestamp("issued_at", { mode: "date", withTimezone: true }),
    validUntil: timestamp("valid_until", { mode: "date", withTimezone: true }),
    hours: real("hours"),
    ects: real("ects"),
    eqfLevel: integer("eqf_level"),
    selfReported: boolean("self_reported").notNull().default(false),
    record: jsonb("record").$type<NormalizedCredential>().notNull(),
    /** The decoded credential that verification checks (JSON-LD, JWT payload, assertion). */
    payload: jsonb("payload").notNull(),
    /** The exact signed form where it differs from the payload (compact JWS, JAdES JSON). */
    signed: jsonb("signed"),
    /** OB 2.0 BadgeClass / Issuer documents fetched at import, keyed by URL. */
    linked: jsonb("linked"),
    /** The last verification: null until checked; "unknown" is never shown as verified. */
    verdict: text("verdict").$type<Verdict>(),
    verification: jsonb("verification").$type<VerificationResult>(),
    verifiedAt: timestamp("verified_at", { mode: "date", withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("credentials_holder_dedupe").on(t.holderId, t.dedupeKey),
    index("credentials_holder_created").on(t.holderId, t.createdAt.desc()),
    index("credentials_parent").on(t.parentId).where(sql`${t.parentId} is not null`),
  ],
);

/** Our own sanitized raster of the badge image: the only form an imported image is ever shown in. */
export const credentialImages = pgTable("credential_images", {
  credentialId: uuid("credential_id")
    .primaryKey()
    .references(() => credentials.id, { onDelete: "cascade" }),
  png: bytea("png").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
});

/** Evidence a holder attaches to a self-reported certificate (PDF or image). */
export const evidenceFiles = pgTable("evidence_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  credentialId: uuid("credential_id")
    .notNull()
    .references(() => credentials.id, { onDelete: "cascade" }),
  holderId: text("holder_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  filename: text("filename").notNull(),
  mediaType: text("media_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  sha256: text("sha256").notNull(),
  bytes: bytea("bytes").notNull(),
  ...timestamps,
});

export type ImportJobStatus = "queued" | "running" | "done" | "interrupted" | "failed";
export type ImportItemOutcome = "imported" | "duplicate" | "rejected";

export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holderId: text("holder_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    status: text("status").$type<ImportJobStatus>().notNull().default("queued"),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    message: text("message"),
    ...timestamps,
    finishedAt: timestamp("finished_at", { mode: "date", withTimezone: true }),
  },
  (t) => [index("import_jobs_holder").on(t.holderId, t.createdAt.desc())],
);

export const importJobItems = pgTable(
  "import_job_items",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    outcome: text("outcome").$type<ImportItemOutcome>().notNull(),
    message: text("message").notNull(),
    credentialId: uuid("credential_id").references(() => credentials.id, { onDelete: "set null" }),
    title: text("title"),
  },
  (t) => [uniqueIndex("import_job_items_job_position").on(t.jobId, t.position)],
);

export type CredentialRow = typeof credentials.$inferSelect;

/** What an import was given (files, a zip, pasted text), kept until the job ends so an interrupted job can resume. */
export const importJobSources = pgTable(
  "import_job_sources",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.position] })],
);
