"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction } from "@/lib/actions/action";
import { noteSchema, setHolderNote, setHolderTags, tagsSchema } from "@/lib/credential-store/annotations";
import { deleteCredentialForHolder } from "@/lib/credential-store/delete";
import { verificationDepsForHolder, verifyStoredCredential } from "@/lib/credential-store/verify-stored";
import { DomainError } from "@/lib/errors/domain-error";
import { serverFetch } from "@/lib/runtime/fetch";
import { confirmMentionedHours, setCreditUnit, undoHolderWorkload } from "@/lib/holder-workload/data";

const notFound = () => new DomainError("not_found", "That credential was not found.");

export const recheckCredentialAction = holderAction(
  z.object({ credentialId: z.uuid() }).strict(),
  async ({ credentialId }, { holder, db }) => {
    const deps = await verificationDepsForHolder(db, holder.id, serverFetch());
    const result = await verifyStoredCredential(db, holder.id, credentialId, deps);
    if (!result) throw notFound();
    revalidatePath(`/credentials/${credentialId}`);
    revalidatePath("/wallet");
    return { verdict: result.verdict, checkedAt: result.checkedAt };
  },
);

/** The holder's own note; the credential itself is never changed. */
export const saveNoteAction = holderAction(
  z.object({ credentialId: z.uuid(), note: noteSchema }).strict(),
  async ({ credentialId, note }, { holder, db }) => {
    if (!(await setHolderNote(db, holder.id, credentialId, note))) throw notFound();
    revalidatePath(`/credentials/${credentialId}`);
    return { note };
  },
);

export const saveTagsAction = holderAction(
  z.object({ credentialId: z.uuid(), tags: tagsSchema }).strict(),
  async ({ credentialId, tags }, { holder, db }) => {
    const saved = await setHolderTags(db, holder.id, credentialId, tags);
    if (!saved) throw notFound();
    revalidatePath(`/credentials/${credentialId}`);
    revalidatePath("/wallet");
    return { tags: saved };
  },
);

/** Deletes the credential, its original file and its place in every collection. */
export const deleteCredentialAction = holderAction(
  z.object({ credentialId: z.uuid() }).strict(),
  async ({ credentialId }, { holder, db }) => {
    const deleted = await deleteCredentialForHolder(db, holder.id, credentialId);
    if (!deleted) throw notFound();
    // No revalidatePath: it would re-render the page the action came from, which is now a 404.
    // Every wallet page is dynamic, so the client's next navigation reads fresh data anyway.
    return { title: deleted.title, keptChildren: deleted.keptChildren };
  },
);

/** Holder-set workload (issue 18). Renewal, pathways and portfolio pages are dynamic and read it afresh. */
function revalidateWorkload(credentialId: string) {
  revalidatePath(`/credentials/${credentialId}`);
  revalidatePath("/wallet");
}

/** Counts the hours the credential's own text mentions; the figure is read from the stored record, not sent. */
export const confirmMentionedHoursAction = holderAction(
  z.object({ credentialId: z.uuid() }).strict(),
  async ({ credentialId }, { holder, db }) => {
    const saved = await confirmMentionedHours(db, holder.id, credentialId);
    revalidateWorkload(credentialId);
    return { hours: saved.hours };
  },
);

/** Says what a credit figure without a unit is; "other" records it and counts nothing. */
export const setCreditUnitAction = holderAction(
  z.object({ credentialId: z.uuid(), unit: z.enum(["ects", "hours", "other"]) }).strict(),
  async ({ credentialId, unit }, { holder, db }) => {
    const saved = await setCreditUnit(db, holder.id, credentialId, unit);
    revalidateWorkload(credentialId);
    return { hours: saved.hours, ects: saved.ects };
  },
);

/** Undo: the credential is counted again only as it states itself. */
export const undoHolderWorkloadAction = holderAction(
  z.object({ credentialId: z.uuid(), what: z.enum(["mentioned-hours", "credit-unit"]) }).strict(),
  async ({ credentialId, what }, { holder, db }) => {
    await undoHolderWorkload(db, holder.id, credentialId, what);
    revalidateWorkload(credentialId);
    return { undone: what };
  },
);
