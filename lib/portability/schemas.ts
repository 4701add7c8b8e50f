import { z } from "zod";
import { GOALS_PER_HOLDER_MAX } from "@/lib/pathways/goals";
import { SHARE_CREDENTIALS_MAX, SHARE_HEADLINE_MAX_CHARS, SHARES_PER_HOLDER_MAX } from "@/lib/shares/limits";
import { COLLECTION_DESCRIPTION_MAX_CHARS, COLLECTION_NAME_MAX_CHARS, COLLECTIONS_PER_HOLDER_MAX, NOTE_MAX_CHARS, TAG_MAX_CHARS, TAGS_PER_CREDENTIAL_MAX } from "@/lib/wallet/limits";
import { ARCHIVE_FORMAT, RESTORE_LIMITS } from "./format";
import { recordSchema, signedSchema, verdictSchema, verificationSchema } from "./record-schema";

/** What format 1 archives hold, checked strictly before anything is written (security.md G2). */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "not a SHA-256");
const instant = z.iso.datetime();
const credentialRef = z.string().regex(/^c\d{1,6}$/, "not a credential key of this archive");
const collectionRef = z.string().regex(/^k\d{1,6}$/, "not a collection key of this archive");
const entryName = z.string().min(1).max(200);
const count = z.number().int().min(0).max(10_000_000);

/** Read first, alone: only the version, so a newer archive is refused with the right reason. */
export const manifestHeadSchema = z.looseObject({ format: z.literal(ARCHIVE_FORMAT), formatVersion: z.number().int().min(1) });

export const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.literal(1),
    createdAt: instant,
    app: z.object({ name: z.string().max(100), version: z.string().max(100) }).strict(),
    counts: z.record(z.string().max(40), count),
    entries: z.array(z.object({ name: entryName, size: count.max(RESTORE_LIMITS.maxTotalBytes), sha256 }).strict()).max(RESTORE_LIMITS.maxEntries),
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
    createdAt: instant,
  })
  .strict();

const fileName = z.string().max(255);
const mediaType = z.string().min(1).max(200);

export const walletDocumentSchema = z
  .object({
    originals: z.array(z.object({ sha256, mediaType, filename: fileName.nullable(), byteSize: count, createdAt: instant }).strict()).max(RESTORE_LIMITS.maxEntries),
    evidence: z.array(z.object({ credential: credentialRef, sha256, filename: fileName.min(1), mediaType, byteSize: count, createdAt: instant }).strict()).max(RESTORE_LIMITS.maxEntries),
    images: z.array(z.object({ credential: credentialRef, sha256, width: z.number().int().min(1).max(10_000), height: z.number().int().min(1).max(10_000) }).strict()).max(RESTORE_LIMITS.maxEntries),
    collections: z
      .array(
        z
          .object({
            key: collectionRef,
            name: z.string().min(1).max(COLLECTION_NAME_MAX_CHARS),
            description: z.string().max(COLLECTION_DESCRIPTION_MAX_CHARS).nullable(),
            createdAt: instant,
            updatedAt: instant,
            items: z.array(z.object({ credential: credentialRef, addedAt: instant }).strict()).max(RESTORE_LIMITS.maxCredentials),
          })
          .strict(),
      )
      .max(COLLECTIONS_PER_HOLDER_MAX),
    goals: z
      .array(
        z
          .object({ slug: z.string().min(1).max(100), version: z.number().int().min(1), definition: z.unknown(), goal: z.unknown().nullable(), createdAt: instant, updatedAt: instant })
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
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type CredentialLine = z.infer<typeof credentialLineSchema>;
export type WalletDocument = z.infer<typeof walletDocumentSchema>;
