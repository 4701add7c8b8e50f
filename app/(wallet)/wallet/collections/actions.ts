"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction } from "@/lib/actions/action";
import { DomainError } from "@/lib/errors/domain-error";
import {
  addToCollection,
  collectionFieldsSchema,
  createCollection,
  deleteCollection,
  removeFromCollection,
  updateCollection,
} from "@/lib/wallet/collections";
import { COLLECTION_BATCH_MAX } from "@/lib/wallet/limits";

const collectionNotFound = () => new DomainError("not_found", "That collection was not found.");
const members = z.array(z.uuid()).min(1, "Choose at least one credential.").max(COLLECTION_BATCH_MAX);

function refresh(collectionId?: string) {
  revalidatePath("/wallet/collections");
  if (collectionId) revalidatePath(`/wallet/collections/${collectionId}`);
  revalidatePath("/wallet");
}

export const createCollectionAction = holderAction(collectionFieldsSchema, async (fields, { holder, db }) => {
  const created = await createCollection(db, holder.id, fields);
  refresh();
  return { id: created.id, name: created.name };
});

export const updateCollectionAction = holderAction(
  collectionFieldsSchema.extend({ collectionId: z.uuid() }).strict(),
  async ({ collectionId, ...fields }, { holder, db }) => {
    if (!(await updateCollection(db, holder.id, collectionId, fields))) throw collectionNotFound();
    refresh(collectionId);
    return { id: collectionId };
  },
);

/** The collection goes; its credentials stay in the wallet. */
export const deleteCollectionAction = holderAction(
  z.object({ collectionId: z.uuid() }).strict(),
  async ({ collectionId }, { holder, db }) => {
    if (!(await deleteCollection(db, holder.id, collectionId))) throw collectionNotFound();
    refresh(collectionId);
    return { id: collectionId };
  },
);

export const addToCollectionAction = holderAction(
  z.object({ collectionId: z.uuid(), credentialIds: members }).strict(),
  async ({ collectionId, credentialIds }, { holder, db }) => {
    const added = await addToCollection(db, holder.id, collectionId, credentialIds);
    if (added === null) throw new DomainError("not_found", "That collection or credential was not found.");
    refresh(collectionId);
    for (const id of credentialIds) revalidatePath(`/credentials/${id}`);
    return { added };
  },
);

export const removeFromCollectionAction = holderAction(
  z.object({ collectionId: z.uuid(), credentialIds: members }).strict(),
  async ({ collectionId, credentialIds }, { holder, db }) => {
    const removed = await removeFromCollection(db, holder.id, collectionId, credentialIds);
    if (removed === null) throw collectionNotFound();
    refresh(collectionId);
    for (const id of credentialIds) revalidatePath(`/credentials/${id}`);
    return { removed };
  },
);
