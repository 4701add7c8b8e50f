import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { isUniqueViolation, type Database } from "@/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { collectionItems, collections, credentials } from "@/db/schema";
import { cleanLabel } from "./text-rules";
import {
  COLLECTION_BATCH_MAX,
  COLLECTION_DESCRIPTION_MAX_CHARS,
  COLLECTION_NAME_MAX_CHARS,
  COLLECTIONS_PER_HOLDER_MAX,
} from "./limits";

/** Every query here is scoped by the holder id it is given (docs/architecture.md convention 2). */

export const collectionFieldsSchema = z
  .object({
    name: z
      .string()
      .transform(cleanLabel)
      .pipe(
        z
          .string()
          .min(1, "Give the collection a name.")
          .max(COLLECTION_NAME_MAX_CHARS, `Keep the name under ${COLLECTION_NAME_MAX_CHARS} characters.`),
      ),
    description: z
      .string()
      .transform(cleanLabel)
      .pipe(
        z
          .string()
          .max(
            COLLECTION_DESCRIPTION_MAX_CHARS,
            `Keep the description under ${COLLECTION_DESCRIPTION_MAX_CHARS} characters.`,
          ),
      )
      .optional(),
  })
  .strict();

export type CollectionFields = z.input<typeof collectionFieldsSchema>;

export interface CollectionSummary {
  id: string;
  name: string;
  description: string | null;
  count: number;
  updatedAt: Date;
}

function duplicateName(name: string) {
  const message = `You already have a collection called “${name}”.`;
  return new DomainError("conflict", message, { fieldErrors: { name: [message] } });
}

export async function createCollection(
  db: Database,
  holderId: string,
  fields: CollectionFields,
): Promise<CollectionSummary> {
  const { name, description } = collectionFieldsSchema.parse(fields);
  if ((await db.$count(collections, eq(collections.holderId, holderId))) >= COLLECTIONS_PER_HOLDER_MAX) {
    throw new DomainError(
      "conflict",
      `You can keep up to ${COLLECTIONS_PER_HOLDER_MAX} collections. Delete one you no longer use first.`,
    );
  }
  try {
    const [row] = await db
      .insert(collections)
      .values({ holderId, name, description: description || null })
      .returning({
        id: collections.id,
        name: collections.name,
        description: collections.description,
        updatedAt: collections.updatedAt,
      });
    return { ...row!, count: 0 };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

export async function updateCollection(
  db: Database,
  holderId: string,
  collectionId: string,
  fields: CollectionFields,
): Promise<boolean> {
  const { name, description } = collectionFieldsSchema.parse(fields);
  try {
    const rows = await db
      .update(collections)
      .set({ name, description: description || null, updatedAt: new Date() })
      .where(and(eq(collections.holderId, holderId), eq(collections.id, collectionId)))
      .returning({ id: collections.id });
    return rows.length === 1;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

/** Deletes the collection only; its credentials stay in the wallet. */
export async function deleteCollection(db: Database, holderId: string, collectionId: string): Promise<boolean> {
  const rows = await db
    .delete(collections)
    .where(and(eq(collections.holderId, holderId), eq(collections.id, collectionId)))
    .returning({ id: collections.id });
  return rows.length === 1;
}

export async function listCollections(db: Database, holderId: string): Promise<CollectionSummary[]> {
  return db
    .select({
      id: collections.id,
      name: collections.name,
      description: collections.description,
      updatedAt: collections.updatedAt,
      count: count(collectionItems.credentialId),
    })
    .from(collections)
    .leftJoin(collectionItems, eq(collectionItems.collectionId, collections.id))
    .where(eq(collections.holderId, holderId))
    .groupBy(collections.id)
    .orderBy(asc(sql`lower(${collections.name})`));
}

export async function getCollection(
  db: Database,
  holderId: string,
  collectionId: string,
): Promise<CollectionSummary | null> {
  const [row] = await db
    .select({
      id: collections.id,
      name: collections.name,
      description: collections.description,
      updatedAt: collections.updatedAt,
      count: count(collectionItems.credentialId),
    })
    .from(collections)
    .leftJoin(collectionItems, eq(collectionItems.collectionId, collections.id))
    .where(and(eq(collections.holderId, holderId), eq(collections.id, collectionId)))
    .groupBy(collections.id);
  return row ?? null;
}

/** The ids of the holder's collections that hold this credential. */
export async function collectionIdsForCredential(
  db: Database,
  holderId: string,
  credentialId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: collectionItems.collectionId })
    .from(collectionItems)
    .where(and(eq(collectionItems.holderId, holderId), eq(collectionItems.credentialId, credentialId)));
  return rows.map((r) => r.id);
}

/**
 * Adds credentials to a collection. Both sides must belong to the holder: ids of another
 * holder's credentials, or unknown ids, are refused as a whole (null) and nothing is added.
 * Returns how many were newly added (already present ones are not an error).
 */
export async function addToCollection(
  db: Database,
  holderId: string,
  collectionId: string,
  credentialIds: string[],
): Promise<number | null> {
  const ids = [...new Set(credentialIds)];
  if (ids.length === 0 || ids.length > COLLECTION_BATCH_MAX) return null;
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: collections.id })
      .from(collections)
      .where(and(eq(collections.holderId, holderId), eq(collections.id, collectionId)))
      .for("update");
    if (!owned) return null;
    const found = await tx.$count(credentials, and(eq(credentials.holderId, holderId), inArray(credentials.id, ids)));
    if (found !== ids.length) return null;
    const inserted = await tx
      .insert(collectionItems)
      .values(ids.map((credentialId) => ({ collectionId, credentialId, holderId })))
      .onConflictDoNothing()
      .returning({ id: collectionItems.credentialId });
    if (inserted.length > 0)
      await tx.update(collections).set({ updatedAt: new Date() }).where(eq(collections.id, collectionId));
    return inserted.length;
  });
}

/** Removes credentials from a collection (they stay in the wallet). Null when the collection is not the holder's. */
export async function removeFromCollection(
  db: Database,
  holderId: string,
  collectionId: string,
  credentialIds: string[],
): Promise<number | null> {
  const ids = [...new Set(credentialIds)];
  if (ids.length === 0 || ids.length > COLLECTION_BATCH_MAX) return null;
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: collections.id })
      .from(collections)
      .where(and(eq(collections.holderId, holderId), eq(collections.id, collectionId)));
    if (!owned) return null;
    const removed = await tx
      .delete(collectionItems)
      .where(
        and(
          eq(collectionItems.holderId, holderId),
          eq(collectionItems.collectionId, collectionId),
          inArray(collectionItems.credentialId, ids),
        ),
      )
      .returning({ id: collectionItems.credentialId });
    if (removed.length > 0)
      await tx.update(collections).set({ updatedAt: new Date() }).where(eq(collections.id, collectionId));
    return removed.length;
  });
}

/** Which of these credentials are already in the collection (for the "add" picker). */
export async function membersAmong(
  db: Database,
  holderId: string,
  collectionId: string,
  credentialIds: string[],
): Promise<Set<string>> {
  if (credentialIds.length === 0) return new Set();
  const rows = await db
    .select({ id: collectionItems.credentialId })
    .from(collectionItems)
    .where(
      and(
        eq(collectionItems.holderId, holderId),
        eq(collectionItems.collectionId, collectionId),
        inArray(collectionItems.credentialId, credentialIds),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
