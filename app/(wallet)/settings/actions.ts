"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction, holderFormAction } from "@/lib/actions/action";
import { signOut } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { deleteHolderAccount, removePasskey, updateHolderProfile } from "@/lib/holders/data";
import { sendEmailConfirmation } from "@/lib/identities/email-confirmation";
import { chooseSignInEmail, confirmEmailAddress, removeEmailAddress } from "@/lib/identities/emails-data";
import { recheckAfterIdentityChange } from "@/lib/identities/recheck";
import { rotateWalletDid } from "@/lib/identities/wallet-did";
import { serverFetch } from "@/lib/runtime/fetch";

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

const emailInput = z.object({ email: z.string().max(400) }).strict();

/** Mails a single-use link to the address; nothing counts until it is confirmed. */
export const addEmailAddressAction = holderAction(emailInput, async ({ email }, { holder, db }) => {
  const sentTo = await sendEmailConfirmation(db, holder.id, email);
  revalidatePath("/settings");
  return { sentTo };
});

/** Spends the link for the signed-in holder, then re-checks the credentials the address may be on. */
export const confirmEmailAddressAction = holderAction(
  z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This confirmation link is not valid.") }).strict(),
  async ({ token }, { holder, db }) => {
    const email = await confirmEmailAddress(db, holder.id, token);
    const rechecked = await recheckAfterIdentityChange(db, holder.id, "added", serverFetch());
    // No revalidatePath: it would re-render the confirm page, whose link is now spent, over the
    // answer. Every wallet page is dynamic, so the next navigation reads fresh data anyway.
    return { email, rechecked };
  },
);

export const removeEmailAddressAction = holderAction(emailInput, async ({ email }, { holder, db }) => {
  await removeEmailAddress(db, holder.id, email.trim().toLowerCase());
  const rechecked = await recheckAfterIdentityChange(db, holder.id, "removed", serverFetch());
  revalidatePath("/", "layout");
  return { removed: true, rechecked };
});

export const chooseSignInEmailAction = holderAction(emailInput, async ({ email }, { holder, db }) => {
  await chooseSignInEmail(db, holder.id, email.trim().toLowerCase());
  revalidatePath("/", "layout");
  return { signIn: email };
});

/** A new current wallet DID; the old one stays as "previous" and keeps matching (so nothing to re-check). */
export const rotateWalletDidAction = holderAction(z.object({}).strict(), async (_input, { holder, db }) => {
  const did = await rotateWalletDid(db, holder.id);
  revalidatePath("/settings");
  return { did };
});

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
