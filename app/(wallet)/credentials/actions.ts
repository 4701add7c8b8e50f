"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { ActionError, holderAction } from "@/lib/actions/action";
import { serverFetch } from "@/lib/credentials/import/deps";
import { verificationDepsForHolder, verifyStoredCredential } from "@/lib/credentials/verify-stored";

export const recheckCredentialAction = holderAction(z.object({ credentialId: z.uuid() }).strict(), async ({ credentialId }, holder) => {
  const db = getDb();
  const result = await verifyStoredCredential(db, holder.id, credentialId, await verificationDepsForHolder(db, holder.id, serverFetch()));
  if (!result) throw new ActionError("not_found", "That credential was not found.");
  revalidatePath(`/credentials/${credentialId}`);
  revalidatePath("/wallet");
  return { verdict: result.verdict, checkedAt: result.checkedAt };
});
