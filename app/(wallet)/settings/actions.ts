"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction, holderFormAction } from "@/lib/actions/action";
import { signOut } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { deleteHolderAccount, removePasskey, updateHolderProfile } from "@/lib/holders/data";

const optionalText = (label: string) =>
  z
    .string()
    .trim()
    .max(120, `${label} can be at most 120 characters.`)
    .transform((v) => (v.length === 0 ? null : v));

export const updateProfileAction = holderFormAction(
  z.object({ name: optionalText("Name"), profession: optionalText("Profession") }).strict(),
  async (input, { holder, db }) => {
    await updateHolderProfile(db, holder.id, input);
    revalidatePath("/", "layout");
    return { saved: true };
  },
);

export const removePasskeyAction = holderAction(
  z.object({ credentialId: z.string().min(1).max(1024) }).strict(),
  async ({ credentialId }, { holder, db }) => {
    const removed = await removePasskey(db, holder.id, credentialId);
    if (!removed) throw new DomainError("not_found", "That passkey was not found. It may already have been removed.");
    revalidatePath("/settings");
    return { removed: true };
  },
);

export const deleteAccountAction = holderFormAction(
  z.object({ confirmEmail: z.string().max(400) }).strict(),
  async ({ confirmEmail }, { holder, db }) => {
    if (confirmEmail.trim().toLowerCase() !== holder.email.toLowerCase()) {
      const message = "Type your email address exactly to confirm.";
      throw new DomainError("invalid_input", message, { fieldErrors: { confirmEmail: [message] } });
    }
    await deleteHolderAccount(db, holder.id, env.dataDir);
    await signOut({ redirectTo: "/account-deleted" });
    return { deleted: true };
  },
);

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
