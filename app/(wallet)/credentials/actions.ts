"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { ActionError, holderAction } from "@/lib/actions/action";
import { serverFetch } from "@/lib/import/deps";
import { verificationDepsForHolder, verifyStoredCredential } from "@/lib/credential-store/verify-stored";
import { noteSchema, setHolderNote, setHolderTags, tagsSchema } from "@/lib/credential-store/annotations";
import { deleteCredentialForHolder } from "@/lib/credential-store/delete";

const NOT_FOUND = "That credential was not found.";

export const recheckCredentialAction = holderAction(
  z.object({ credentialId: z.uuid() }).strict(),
  async ({ credentialId }, holder) => {
    const db = getDb();
    const result = await verifyStoredCredential(
      db,
      holder.id,
      credentialId,
      await verificationDepsForHolder(db, holder.id, serverFetch()),
    );
    if (!result) throw new ActionError("not_found", NOT_FOUND);
    revalidatePath(`/credentials/${credentialId}`);
    revalidatePath("/wallet");
    return { verdict: result.verdict, checkedAt: result.checkedAt };
  },
);

/** The holder's own note; the credential itself is never changed. */
export const saveNoteAction = holderAction(
  z.object({ credentialId: z.uuid(), note: noteSchema }).strict(),
  async ({ credentialId, note }, holder) => {
    if (!(await setHolderNote(getDb(), holder.id, credentialId, note))) throw new ActionError("not_found", NOT_FOUND);
    revalidatePath(`/credentials/${credentialId}`);
    return { note };
  },
);

export const saveTagsAction = holderAction(
  z.object({ credentialId: z.uuid(), tags: tagsSchema }).strict(),
  async ({ credentialId, tags }, holder) => {
    const saved = await setHolderTags(getDb(), holder.id, credentialId, tags);
    if (!saved) throw new ActionError("not_found", NOT_FOUND);
    revalidatePath(`/credentials/${credentialId}`);
    revalidatePath("/wallet");
    return { tags: saved };
  },
);

/** Deletes the credential, its original file and its place in every collection. */
export const deleteCredentialAction = holderAction(
  z.object({ credentialId: z.uuid() }).strict(),
  async ({ credentialId }, holder) => {
    const deleted = await deleteCredentialForHolder(getDb(), holder.id, credentialId);
    if (!deleted) throw new ActionError("not_found", NOT_FOUND);
    // No revalidatePath: it would re-render the page the action came from, which is now a 404.
    // Every wallet page is dynamic, so the client's next navigation reads fresh data anyway.
    return { title: deleted.title, keptChildren: deleted.keptChildren };
  },
);
