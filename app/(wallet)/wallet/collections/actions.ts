"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { ActionError, holderAction } from "@/lib/actions/action";
import {
  addToCollection,
  CollectionError,
  collectionFieldsSchema,
  createCollection,
  deleteCollection,
  removeFromCollection,
  updateCollection,
} from "@/lib/wallet/collections";
import { COLLECTION_BATCH_MAX } from "@/lib/wallet/limits";

const COLLECTION_NOT_FOUND = "That collection was not found.";
const members = z.array(z.uuid()).min(1, "Choose at least one credential.").max(COLLECTION_BATCH_MAX);

async function conflictsAsResults<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CollectionError)
      throw new ActionError(
        "conflict",
        error.message,
        error.reason === "duplicate_name" ? { name: [error.message] } : undefined,
      );
    throw error;
  }
}

function refresh(collectionId?: string) {
  revalidatePath("/wallet/collections");
  if (collectionId) revalidatePath(`/wallet/collections/${collectionId}`);
  revalidatePath("/wallet");
}

export const createCollectionAction = holderAction(collectionFieldsSchema, async (fields, holder) => {
  const created = await conflictsAsResults(() => createCollection(getDb(), holder.id, fields));
  refresh();
  return { id: created.id, name: created.name };
});

export const updateCollectionAction = holderAction(
  collectionFieldsSchema.extend({ collectionId: z.uuid() }).strict(),
  async ({ collectionId, ...fields }, holder) => {
    const updated = await conflictsAsResults(() => updateCollection(getDb(), holder.id, collectionId, fields));
    if (!updated) throw new ActionError("not_found", COLLECTION_NOT_FOUND);
    refresh(collectionId);
    return { id: collectionId };
  },
);

/** The collection goes; its credentials stay in the wallet. */
export const deleteCollectionAction = holderAction(
  z.object({ collectionId: z.uuid() }).strict(),
  async ({ collectionId }, holder) => {
    if (!(await deleteCollection(getDb(), holder.id, collectionId)))
      throw new ActionError("not_found", COLLECTION_NOT_FOUND);
    refresh(collectionId);
    return { id: collectionId };
  },
);

export const addToCollectionAction = holderAction(
  z.object({ collectionId: z.uuid(), credentialIds: members }).strict(),
  async ({ collectionId, credentialIds }, holder) => {
    const added = await addToCollection(getDb(), holder.id, collectionId, credentialIds);
    if (added === null) throw new ActionError("not_found", "That collection or credential was not found.");
    refresh(collectionId);
    for (const id of credentialIds) revalidatePath(`/credentials/${id}`);
    return { added };
  },
);

export const removeFromCollectionAction = holderAction(
  z.object({ collectionId: z.uuid(), credentialIds: members }).strict(),
  async ({ collectionId, credentialIds }, holder) => {
    const removed = await removeFromCollection(getDb(), holder.id, collectionId, credentialIds);
    if (removed === null) throw new ActionError("not_found", COLLECTION_NOT_FOUND);
    refresh(collectionId);
    for (const id of credentialIds) revalidatePath(`/credentials/${id}`);
    return { removed };
  },
);
