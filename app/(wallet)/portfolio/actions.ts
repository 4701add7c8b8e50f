"use server";

import { revalidatePath } from "next/cache";
import { holderAction } from "@/lib/actions/action";
import { createPortfolio } from "@/lib/portfolio/data";
import { createPortfolioSchema } from "@/lib/portfolio/schemas";

/**
 * Makes the portfolio's share link. The answer carries the token this one time (only its hash
 * is stored); the page keeps it to download the PDF and open the print view, and the holder
 * sees, extends or revokes the link on the Shares page like any other.
 */
export const createPortfolioAction = holderAction(createPortfolioSchema, async (input, { holder, db }) => {
  const created = await createPortfolio(db, holder.id, input);
  revalidatePath("/shares");
  const { portfolio } = created;
  return {
    token: created.token,
    url: portfolio.link.url,
    expiresAt: created.expiresAt ? created.expiresAt.toISOString() : null,
    credentialCount: portfolio.summary.total + portfolio.omitted,
    name: portfolio.header.name,
  };
});
