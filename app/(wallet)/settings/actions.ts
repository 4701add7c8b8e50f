"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { ActionError, holderAction } from "@/lib/actions/action";
import { signOut } from "@/lib/auth/auth";
import { deleteHolderAccount, removePasskey, updateHolderProfile } from "@/lib/holders/data";
import { env } from "@/lib/env";

const optionalText = (label: string) =>
  z
    .string()
    .trim()
    .max(120, `${label} can be at most 120 characters.`)
    .transform((v) => (v.length === 0 ? null : v));

const updateProfile = holderAction(
  z.object({ name: optionalText("Name"), profession: optionalText("Profession") }).strict(),
  async (input, holder) => {
    await updateHolderProfile(getDb(), holder.id, input);
    revalidatePath("/", "layout");
    return { saved: true };
  },
);

export async function updateProfileAction(_previous: unknown, formData: FormData) {
  return updateProfile(formData);
}

export const removePasskeyAction = holderAction(
  z.object({ credentialId: z.string().min(1).max(1024) }).strict(),
  async ({ credentialId }, holder) => {
    const removed = await removePasskey(getDb(), holder.id, credentialId);
    if (!removed) throw new ActionError("not_found", "That passkey was not found. It may already have been removed.");
    revalidatePath("/settings");
    return { removed: true };
  },
);

const deleteAccount = holderAction(
  z.object({ confirmEmail: z.string().max(400) }).strict(),
  async ({ confirmEmail }, holder) => {
    if (confirmEmail.trim().toLowerCase() !== holder.email.toLowerCase()) {
      throw new ActionError("invalid_input", "Type your email address exactly to confirm.", {
        confirmEmail: ["Type your email address exactly to confirm."],
      });
    }
    await deleteHolderAccount(getDb(), holder.id, env.dataDir);
    await signOut({ redirectTo: "/account-deleted" });
    return { deleted: true };
  },
);

export async function deleteAccountAction(_previous: unknown, formData: FormData) {
  return deleteAccount(formData);
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
