import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { cleanLabel } from "@/lib/wallet/text-rules";
import { DEFAULT_SHARE_DAYS, shareExpirySchema } from "./expiry";
import { SHARE_CREDENTIALS_MAX, SHARE_HEADLINE_MAX_CHARS } from "./limits";

/**
 * The inputs of every share change, used by the server actions and again by the data layer.
 * Strict objects: an extra key (holderId, viewCount, tokenHash, …) is refused (docs/threat-model.md B3).
 */

export const headlineSchema = z
  .string()
  .transform(cleanLabel)
  .pipe(z.string().max(SHARE_HEADLINE_MAX_CHARS, `Keep the headline under ${SHARE_HEADLINE_MAX_CHARS} characters.`));

export const credentialIdsSchema = z
  .array(z.uuid("That credential was not found."))
  .min(1, "Choose at least one credential.")
  .max(SHARE_CREDENTIALS_MAX, `A link can name up to ${SHARE_CREDENTIALS_MAX} credentials.`)
  .transform((ids) => [...new Set(ids)]);

/** What the page shows besides the credentials; everything defaults to hidden (private by default). */
export const visibilitySchema = z
  .object({
    showEmail: z.boolean().optional(),
    showEvidence: z.boolean().optional(),
    showNotes: z.boolean().optional(),
  })
  .strict();

const common = {
  headline: headlineSchema.optional(),
  expiry: shareExpirySchema.default(DEFAULT_SHARE_DAYS),
  showEmail: z.boolean().default(false),
  showEvidence: z.boolean().default(false),
  showNotes: z.boolean().default(false),
  /** The page's language for every reader who has not picked one on its switcher; null: each reader's own. */
  locale: z
    .enum(LOCALES, { error: "Choose one of Tessera's languages, or the reader's own." })
    .nullable()
    .default(null),
};

export const createShareSchema = z.discriminatedUnion(
  "scope",
  [
    z
      .object({ scope: z.literal("credential"), credentialId: z.uuid("That credential was not found."), ...common })
      .strict(),
    z.object({ scope: z.literal("selection"), credentialIds: credentialIdsSchema, ...common }).strict(),
    z
      .object({ scope: z.literal("collection"), collectionId: z.uuid("That collection was not found."), ...common })
      .strict(),
    z.object({ scope: z.literal("profile"), ...common }).strict(),
  ],
  { error: "Choose what to share: one credential, a selection, a collection or your whole profile." },
);

export type CreateShareInput = z.input<typeof createShareSchema>;

export const shareIdSchema = z.object({ shareId: z.uuid("That link was not found.") }).strict();
export const extendShareSchema = z
  .object({ shareId: z.uuid("That link was not found."), expiry: shareExpirySchema })
  .strict();
export const updateShareHeadlineSchema = z
  .object({ shareId: z.uuid("That link was not found."), headline: headlineSchema })
  .strict();
export const updateShareVisibilitySchema = visibilitySchema
  .extend({ shareId: z.uuid("That link was not found.") })
  .strict();
export const updateShareCredentialsSchema = z
  .object({ shareId: z.uuid("That link was not found."), credentialIds: credentialIdsSchema })
  .strict();
