"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { ActionError, holderAction } from "@/lib/actions/action";
import { getCredentialForHolder } from "@/lib/credential-store/data";
import { env } from "@/lib/env";
import { linkedInAddToProfileUrl } from "@/lib/portfolio/linkedin";
import {
  createShare,
  deleteShare,
  extendShare,
  revokeShare,
  ShareError,
  updateShareCredentials,
  updateShareHeadline,
  updateShareVisibility,
} from "@/lib/shares/data";
import { sharedCredentialPath, sharePagePath } from "@/lib/shares/paths";
import {
  createShareSchema,
  extendShareSchema,
  shareIdSchema,
  updateShareCredentialsSchema,
  updateShareHeadlineSchema,
  updateShareVisibilitySchema,
} from "@/lib/shares/schemas";

const SHARE_NOT_FOUND = "That link was not found.";

async function refusalsAsResults<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ShareError) throw new ActionError("conflict", error.message);
    throw error;
  }
}

function refresh() {
  revalidatePath("/shares");
}

/**
 * Creates a link. The answer carries the token and the full URL this one time: only a hash is
 * stored, so the holder copies the link now or creates another.
 */
export const createShareAction = holderAction(createShareSchema, async (input, holder) => {
  const created = await refusalsAsResults(() => createShare(getDb(), holder.id, input));
  if (!created)
    throw new ActionError(
      "not_found",
      input.scope === "collection" ? "That collection was not found." : "That credential was not found.",
    );
  refresh();
  const url = `${env.appUrl}${sharePagePath(created.token)}`;
  return {
    share: created.share,
    url,
    linkedInUrl:
      input.scope === "credential" ? await linkedInUrlFor(holder.id, input.credentialId, created.token) : null,
  };
});

const dateOrNull = (iso: string | undefined) => (iso ? new Date(iso) : null);

/** For a one-credential link: LinkedIn's "Add to profile" with the credential's page on this link as its URL. */
async function linkedInUrlFor(holderId: string, credentialId: string, token: string): Promise<string | null> {
  const credential = await getCredentialForHolder(getDb(), holderId, credentialId);
  if (!credential) return null;
  return linkedInAddToProfileUrl({
    name: credential.title,
    organizationName: credential.record.issuer.name,
    issuedAt: dateOrNull(
      credential.record.dates.issued ?? credential.record.dates.awarded ?? credential.record.dates.validFrom,
    ),
    validUntil: dateOrNull(credential.record.dates.validUntil),
    certUrl: `${env.appUrl}${sharedCredentialPath(token, credential.id)}`,
  });
}

export const revokeShareAction = holderAction(shareIdSchema, async ({ shareId }, holder) => {
  if (!(await revokeShare(getDb(), holder.id, shareId))) throw new ActionError("not_found", SHARE_NOT_FOUND);
  refresh();
  return { id: shareId };
});

export const extendShareAction = holderAction(extendShareSchema, async ({ shareId, expiry }, holder) => {
  const share = await refusalsAsResults(() => extendShare(getDb(), holder.id, shareId, expiry));
  if (!share) throw new ActionError("not_found", SHARE_NOT_FOUND);
  refresh();
  return { share };
});

export const updateShareVisibilityAction = holderAction(
  updateShareVisibilitySchema,
  async ({ shareId, ...visibility }, holder) => {
    if (!(await updateShareVisibility(getDb(), holder.id, shareId, visibility)))
      throw new ActionError("not_found", SHARE_NOT_FOUND);
    refresh();
    return { id: shareId };
  },
);

export const updateShareHeadlineAction = holderAction(
  updateShareHeadlineSchema,
  async ({ shareId, headline }, holder) => {
    if (!(await updateShareHeadline(getDb(), holder.id, shareId, headline)))
      throw new ActionError("not_found", SHARE_NOT_FOUND);
    refresh();
    return { id: shareId, headline: headline === "" ? null : headline };
  },
);

export const updateShareCredentialsAction = holderAction(
  updateShareCredentialsSchema,
  async ({ shareId, credentialIds }, holder) => {
    const share = await refusalsAsResults(() => updateShareCredentials(getDb(), holder.id, shareId, credentialIds));
    if (!share) throw new ActionError("not_found", "That link or credential was not found.");
    refresh();
    return { share };
  },
);

export const deleteShareAction = holderAction(shareIdSchema, async ({ shareId }, holder) => {
  if (!(await deleteShare(getDb(), holder.id, shareId))) throw new ActionError("not_found", SHARE_NOT_FOUND);
  refresh();
  return { id: shareId };
});
