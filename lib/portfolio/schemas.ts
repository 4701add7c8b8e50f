import { z } from "zod";
import { credentialIdsSchema } from "@/lib/shares/schemas";
import { shareExpirySchema } from "@/lib/shares/expiry";
import { cleanLabel } from "@/lib/wallet/text-rules";
import { TEXT_CAPS } from "./limits";

/**
 * What the holder chooses for a portfolio. Strict objects, as for every action input: an extra
 * key (holderId, …) is refused (docs/threat-model.md B3). Form posts send strings, so the flags and the
 * expiry accept their form spelling too.
 */

const formFlag = z.union([
  z.boolean(),
  z.enum(["on", "true", "false", ""]).transform((v) => v === "on" || v === "true"),
]);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .transform(cleanLabel)
    .pipe(z.string().max(max, `Keep the ${label} under ${max} characters.`))
    .optional();

export const portfolioGroupingSchema = z.enum(["pathway", "kind"], {
  error: "Choose how to group the credentials: by pathway or by kind.",
});
export const paperSizeSchema = z.enum(["A4", "LETTER"], { error: "Choose A4 or US Letter paper." });

/** The page's look: grouping, paper and the header the holder wants printed. */
export const portfolioLayoutSchema = z
  .object({
    grouping: portfolioGroupingSchema.default("pathway"),
    paper: paperSizeSchema.default("A4"),
    /** Empty or missing: the name on the holder's profile. */
    name: optionalText(TEXT_CAPS.name, "name"),
    profession: optionalText(TEXT_CAPS.profession, "profession"),
    headline: optionalText(TEXT_CAPS.headline, "headline"),
    showEmail: formFlag.default(false),
  })
  .strict();

export type PortfolioLayout = z.output<typeof portfolioLayoutSchema>;
export type PortfolioLayoutInput = z.input<typeof portfolioLayoutSchema>;

// A link printed on paper must outlive the paper (docs/product-notes.md pitfalls): "never"
// is the default here, unlike a share link made on the Shares page.
const portfolioExpirySchema = z
  .preprocess((v) => (typeof v === "string" && /^\d{1,3}$/.test(v) ? Number(v) : v), shareExpirySchema)
  .default("never");

const choice = {
  expiry: portfolioExpirySchema,
  layout: portfolioLayoutSchema.default({ grouping: "pathway", paper: "A4", showEmail: false }),
};

/** Which credentials: a selection of the holder's own, or one of their collections. */
export const createPortfolioSchema = z.discriminatedUnion(
  "source",
  [
    z.object({ source: z.literal("selection"), credentialIds: credentialIdsSchema, ...choice }).strict(),
    z
      .object({ source: z.literal("collection"), collectionId: z.uuid("That collection was not found."), ...choice })
      .strict(),
  ],
  { error: "Choose the credentials for the portfolio, or one of your collections." },
);

export type CreatePortfolioInput = z.input<typeof createPortfolioSchema>;

/** The PDF download: the portfolio link made before (its token, never stored by us) and the layout. */
export const portfolioPdfRequestSchema = portfolioLayoutSchema
  .extend({
    token: z
      .string({ error: "Create the portfolio link first." })
      .min(1, "Create the portfolio link first.")
      .max(200, "That portfolio link was not found."),
  })
  .strict();
