"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { ActionError, holderAction } from "@/lib/actions/action";
import { PortfolioError, createPortfolio } from "@/lib/portfolio/data";
import { createPortfolioSchema } from "@/lib/portfolio/schemas";
import { ShareError } from "@/lib/shares/data";

/**
 * Makes the portfolio's share link. The answer carries the token this one time (only its hash
 * is stored); the page keeps it to download the PDF and open the print view, and the holder
 * sees, extends or revokes the link on the Shares page like any other.
 */
export const createPortfolioAction = holderAction(createPortfolioSchema, async (input, holder) => {
  try {
    const created = await createPortfolio(getDb(), holder.id, input);
    revalidatePath("/shares");
    const { portfolio } = created;
    return {
      token: created.token,
      url: portfolio.link.url,
      expiresAt: created.expiresAt ? created.expiresAt.toISOString() : null,
      credentialCount: portfolio.summary.total + portfolio.omitted,
      name: portfolio.header.name,
    };
  } catch (error) {
    if (error instanceof PortfolioError) throw new ActionError("not_found", error.message);
    if (error instanceof ShareError) throw new ActionError("conflict", error.message);
    throw error;
  }
});
