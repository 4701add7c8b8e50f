"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction } from "@/lib/actions/action";
import { previewOffer, receiveOfferForHolder } from "@/lib/issuance/holder";
import { issuanceFetch } from "@/lib/runtime/issuance";
import { nudgeBackgroundWork } from "@/lib/runtime/schedulers";

const offer = z
  .string()
  .trim()
  .min(1, "Paste the offer from the issuer first.")
  .max(16_000, "This is far longer than any credential offer, so Tessera did not read it.");

/** "Add from an issuer", step one: who offers what, and whether a transaction code is needed. Nothing is stored. */
export const previewOfferAction = holderAction(z.object({ offer }).strict(), async (input) =>
  previewOffer(input.offer, issuanceFetch()),
);

/** Step two, on the holder's consent: receive the credentials into the caller's own wallet. */
export const receiveOfferAction = holderAction(
  z
    .object({
      offer,
      txCode: z.string().trim().max(64, "The transaction code is at most 64 characters.").optional(),
    })
    .strict(),
  async (input, { holder, db }) => {
    const received = await receiveOfferForHolder(db, holder.id, input, issuanceFetch());
    nudgeBackgroundWork();
    revalidatePath("/wallet");
    return received;
  },
);
