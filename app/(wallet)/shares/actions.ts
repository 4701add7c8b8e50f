"use server";

import { revalidatePath } from "next/cache";
import { holderAction } from "@/lib/actions/action";
import { getCredentialForHolder } from "@/lib/credential-store/data";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { linkedInAddToProfileUrl } from "@/lib/portfolio/linkedin";
import {
  createShare,
  deleteShare,
  extendShare,
  revokeShare,
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

const shareNotFound = () => new DomainError("not_found", "That link was not found.");

function refresh() {
  revalidatePath("/shares");
}

type StoredCredential = NonNullable<Awaited<ReturnType<typeof getCredentialForHolder>>>;

/**
 * Creates a link. The answer carries the token and the full URL this one time: only a hash is
 * stored, so the holder copies the link now or creates another. Everything that reads or can fail
 * runs before the link is saved, so a failure means no link was made (as the holder is told) and a
 * retry makes exactly one.
 */
export const createShareAction = holderAction(createShareSchema, async (input, { holder, db }) => {
  const credential =
    input.scope === "credential" ? await getCredentialForHolder(db, holder.id, input.credentialId) : null;
  const created = input.scope === "credential" && !credential ? null : await createShare(db, holder.id, input);
  if (!created)
    throw new DomainError(
      "not_found",
      input.scope === "collection" ? "That collection was not found." : "That credential was not found.",
    );
  refresh();
  return {
    share: created.share,
    url: `${env.appUrl}${sharePagePath(created.token)}`,
    linkedInUrl: credential ? linkedInUrlFor(credential, created.token) : null,
  };
});

const dateOrNull = (iso: string | undefined) => (iso ? new Date(iso) : null);

/** For a one-credential link: LinkedIn's "Add to profile" with the credential's page on this link as its URL. */
function linkedInUrlFor(credential: StoredCredential, token: string): string {
  const { record } = credential;
  return linkedInAddToProfileUrl({
    name: credential.title,
    organizationName: record.issuer.name,
    issuedAt: dateOrNull(record.dates.issued ?? record.dates.awarded ?? record.dates.validFrom),
    validUntil: dateOrNull(record.dates.validUntil),
    certUrl: `${env.appUrl}${sharedCredentialPath(token, credential.id)}`,
  });
}

export const revokeShareAction = holderAction(shareIdSchema, async ({ shareId }, { holder, db }) => {
  if (!(await revokeShare(db, holder.id, shareId))) throw shareNotFound();
  refresh();
  return { id: shareId };
});

export const extendShareAction = holderAction(extendShareSchema, async ({ shareId, expiry }, { holder, db }) => {
  const share = await extendShare(db, holder.id, shareId, expiry);
  if (!share) throw shareNotFound();
  refresh();
  return { share };
});

export const updateShareVisibilityAction = holderAction(
  updateShareVisibilitySchema,
  async ({ shareId, ...visibility }, { holder, db }) => {
    if (!(await updateShareVisibility(db, holder.id, shareId, visibility))) throw shareNotFound();
    refresh();
    return { id: shareId };
  },
);

export const updateShareHeadlineAction = holderAction(
  updateShareHeadlineSchema,
  async ({ shareId, headline }, { holder, db }) => {
    if (!(await updateShareHeadline(db, holder.id, shareId, headline))) throw shareNotFound();
    refresh();
    return { id: shareId, headline: headline === "" ? null : headline };
  },
);

export const updateShareCredentialsAction = holderAction(
  updateShareCredentialsSchema,
  async ({ shareId, credentialIds }, { holder, db }) => {
    const share = await updateShareCredentials(db, holder.id, shareId, credentialIds);
    if (!share) throw new DomainError("not_found", "That link or credential was not found.");
    refresh();
    return { share };
  },
);

export const deleteShareAction = holderAction(shareIdSchema, async ({ shareId }, { holder, db }) => {
  if (!(await deleteShare(db, holder.id, shareId))) throw shareNotFound();
  refresh();
  return { id: shareId };
});
