import { z } from "zod";
import { CPD_PROFILE_VERSION, RECORD_KINDS } from "@/lib/cpd/profile-schema";
import { GOALS_PER_HOLDER_MAX } from "@/lib/stacking/goals-data";
import { SHARE_CREDENTIALS_MAX, SHARE_HEADLINE_MAX_CHARS, SHARES_PER_HOLDER_MAX } from "@/lib/shares/limits";
import {
  COLLECTION_DESCRIPTION_MAX_CHARS,
  COLLECTION_NAME_MAX_CHARS,
  COLLECTIONS_PER_HOLDER_MAX,
  NOTE_MAX_CHARS,
  TAG_MAX_CHARS,
  TAGS_PER_CREDENTIAL_MAX,
} from "@/lib/wallet/limits";
import { ARCHIVE_FORMAT, RESTORE_LIMITS } from "./format";
import { recordSchema, signedSchema, verdictSchema, verificationSchema } from "./record-schema";

/** What format 1 and 2 archives hold, checked strictly before anything is written (docs/threat-model.md G2). */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "not a SHA-256");
const instant = z.iso.datetime();
const credentialRef = z.string().regex(/^c\d{1,6}$/, "not a credential key of this archive");
const collectionRef = z.string().regex(/^k\d{1,6}$/, "not a collection key of this archive");
const cpdProfileRef = z.string().regex(/^p\d{1,6}$/, "not a CPD profile key of this archive");
const entryName = z.string().min(1).max(200);
const count = z.number().int().min(0).max(10_000_000);

/** Read first, alone: only the version, so a newer archive is refused with the right reason. */
export const manifestHeadSchema = z.looseObject({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().min(1),
});

export const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    createdAt: instant,
    app: z.object({ name: z.string().max(100), version: z.string().max(100) }).strict(),
    counts: z.record(z.string().max(40), count),
    entries: z
      .array(z.object({ name: entryName, size: count.max(RESTORE_LIMITS.maxTotalBytes), sha256 }).strict())
      .max(RESTORE_LIMITS.maxEntries),
  })
  .strict();

export const credentialLineSchema = z
  .object({
    key: credentialRef,
    original: sha256,
    parent: credentialRef.nullable(),
    dedupeKey: sha256,
    record: recordSchema,
    payload: z.unknown().refine((value) => value !== null && value !== undefined, "a credential needs its payload"),
    signed: signedSchema.nullable(),
    linked: z.record(z.string(), z.unknown()).nullable(),
    verdict: verdictSchema.nullable(),
    verification: verificationSchema.nullable(),
    verifiedAt: instant.nullable(),
    holderNote: z.string().max(NOTE_MAX_CHARS).nullable(),
    holderTags: z.array(z.string().min(1).max(TAG_MAX_CHARS)).max(TAGS_PER_CREDENTIAL_MAX),
    /** Holder-set workload (issue 18): what the holder confirmed; absent when they set none (and in older archives). */
    holderWorkload: z
      .object({
        mentionedHours: z.number().positive().max(2000).nullable(),
        creditUnit: z.enum(["ects", "hours", "other"]).nullable(),
      })
      .strict()
      .optional(),
    createdAt: instant,
  })
  .strict();

const fileName = z.string().max(255);
const mediaType = z.string().min(1).max(200);

/** Caps on what one holder's CPD can hold; the app sets none, these are far above real use. */
export const CPD_ARCHIVE_LIMITS = { profiles: 1_000, cycles: 2_000 } as const;

/**
 * The holder's CPD (docs/decisions/0016): their own profiles (catalog profiles are not exported;
 * a cycle names one by its catalog slug), cycles, per-credential overrides and reminder settings.
 * A profile's definition is checked with the CPD profile schema and cycles with the cycle rules
 * in check-references.ts; the bounds here mirror what the Renewal forms and the tables accept.
 */
export const cpdDocumentSchema = z
  .object({
    profiles: z
      .array(
        z
          .object({
            key: cpdProfileRef,
            slug: z.string().min(1).max(60),
            version: z
              .number()
              .int()
              .min(1)
              .max(CPD_PROFILE_VERSION, "a CPD profile version this Tessera does not know"),
            definition: z.unknown(),
            createdAt: instant,
            updatedAt: instant,
          })
          .strict(),
      )
      .max(CPD_ARCHIVE_LIMITS.profiles),
    cycles: z
      .array(
        z
          .object({
            /** Exactly one of the two: the holder's own profile by archive key, or a catalog profile by slug. */
            profile: cpdProfileRef.nullable(),
            catalogProfile: z.string().min(1).max(60).nullable(),
            startsOn: z.string().max(10),
            endsOn: z.string().max(10),
            createdAt: instant,
          })
          .strict(),
      )
      .max(CPD_ARCHIVE_LIMITS.cycles),
    activities: z
      .array(
        z
          .object({
            credential: credentialRef,
            /** The range of the form and of the table's check (stored as `real`, so not rounded here). */
            hours: z.number().min(0).max(2000).nullable(),
            participatory: z.boolean().nullable(),
            topics: z.array(z.string().trim().min(1).max(1000)).max(20).nullable(),
            recordKinds: z
              .array(z.enum(RECORD_KINDS))
              .max(RECORD_KINDS.length)
              .refine((kinds) => new Set(kinds).size === kinds.length, "a record kind is listed twice")
              .nullable(),
            excluded: z.boolean(),
            updatedAt: instant,
          })
          .strict(),
      )
      .max(RESTORE_LIMITS.maxCredentials),
    /** Null when the holder never changed them (no row: both channels on). */
    reminders: z.object({ inApp: z.boolean(), email: z.boolean(), updatedAt: instant }).strict().nullable(),
  })
  .strict();

const walletDid = z.string().regex(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$/, "not a wallet DID (did:key, Ed25519)");

/**
 * Format 2: the holder's identities. Addresses as they were in the exporting account (the sign-in
 * one marked; its confirmation date is null when it was never confirmed); wallet DIDs with their
 * status; `didKeys` is a password-based JWE (lib/wallet-archive/passphrase.ts) of `{ [did]: JWK }`
 * for every DID, or null when the holder set no passphrase — then no private key is in the archive.
 */
export const identitiesDocumentSchema = z
  .object({
    emails: z
      .array(
        z.object({ email: z.string().min(3).max(320), signIn: z.boolean(), confirmedAt: instant.nullable() }).strict(),
      )
      .max(200)
      .refine((emails) => emails.filter((e) => e.signIn).length <= 1, "more than one sign-in address")
      .refine((emails) => new Set(emails.map((e) => e.email)).size === emails.length, "an address is listed twice"),
    dids: z
      .array(
        z
          .object({
            did: walletDid,
            status: z.enum(["current", "previous"]),
            createdAt: instant,
            retiredAt: instant.nullable(),
          })
          .strict(),
      )
      .max(1_000)
      .refine((dids) => dids.filter((d) => d.status === "current").length <= 1, "more than one current DID")
      .refine((dids) => new Set(dids.map((d) => d.did)).size === dids.length, "a DID is listed twice"),
    didKeys: z
      .string()
      .max(2_000_000)
      .regex(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/, "not a compact JWE")
      .nullable(),
  })
  .strict();

export const walletDocumentSchema = z
  .object({
    originals: z
      .array(
        z.object({ sha256, mediaType, filename: fileName.nullable(), byteSize: count, createdAt: instant }).strict(),
      )
      .max(RESTORE_LIMITS.maxEntries),
    evidence: z
      .array(
        z
          .object({
            credential: credentialRef,
            sha256,
            filename: fileName.min(1),
            mediaType,
            byteSize: count,
            createdAt: instant,
          })
          .strict(),
      )
      .max(RESTORE_LIMITS.maxEntries),
    images: z
      .array(
        z
          .object({
            credential: credentialRef,
            sha256,
            width: z.number().int().min(1).max(10_000),
            height: z.number().int().min(1).max(10_000),
          })
          .strict(),
      )
      .max(RESTORE_LIMITS.maxEntries),
    collections: z
      .array(
        z
          .object({
            key: collectionRef,
            name: z.string().min(1).max(COLLECTION_NAME_MAX_CHARS),
            description: z.string().max(COLLECTION_DESCRIPTION_MAX_CHARS).nullable(),
            createdAt: instant,
            updatedAt: instant,
            items: z
              .array(z.object({ credential: credentialRef, addedAt: instant }).strict())
              .max(RESTORE_LIMITS.maxCredentials),
          })
          .strict(),
      )
      .max(COLLECTIONS_PER_HOLDER_MAX),
    goals: z
      .array(
        z
          .object({
            slug: z.string().min(1).max(100),
            version: z.number().int().min(1),
            definition: z.unknown(),
            goal: z.unknown().nullable(),
            createdAt: instant,
            updatedAt: instant,
          })
          .strict(),
      )
      .max(GOALS_PER_HOLDER_MAX),
    follows: z.array(z.object({ slug: z.string().min(1).max(100), followedAt: instant }).strict()).max(1_000),
    shares: z
      .array(
        z
          .object({
            scope: z.enum(["credential", "selection", "collection", "profile"]),
            collection: collectionRef.nullable(),
            credentials: z.array(credentialRef).max(SHARE_CREDENTIALS_MAX),
            headline: z.string().max(SHARE_HEADLINE_MAX_CHARS).nullable(),
            showEmail: z.boolean(),
            showEvidence: z.boolean(),
            showNotes: z.boolean(),
            expiresAt: instant.nullable(),
            revokedAt: instant.nullable(),
            viewCount: count,
            lastViewedAt: instant.nullable(),
            createdAt: instant,
            updatedAt: instant,
          })
          .strict(),
      )
      .max(SHARES_PER_HOLDER_MAX),
    /** Absent in archives made before CPD: restored as none. */
    cpd: cpdDocumentSchema.optional(),
    /** Format 2; absent in format 1 archives (restored as no identities). */
    identities: identitiesDocumentSchema.optional(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type CredentialLine = z.infer<typeof credentialLineSchema>;
export type WalletDocument = z.infer<typeof walletDocumentSchema>;
export type CpdDocument = z.infer<typeof cpdDocumentSchema>;
export type IdentitiesDocument = z.infer<typeof identitiesDocumentSchema>;
