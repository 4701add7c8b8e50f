"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction } from "@/lib/actions/action";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import {
  ISSUER_CALLBACK_PATH,
  ISSUER_SIGN_IN_COOKIE,
  ISSUER_SIGN_IN_SECONDS,
  previewOffer,
  receiveOfferForHolder,
  startIssuerSignIn,
} from "@/lib/issuance/holder";
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

/** Authorization code flow: where to send the holder to sign in; PKCE verifier and state wait in a sealed cookie. */
export const startIssuerSignInAction = holderAction(z.object({ offer }).strict(), async (input, { holder }) => {
  const { authorizationUrl, sealed } = await startIssuerSignIn(holder.id, input.offer, {
    fetch: issuanceFetch(),
    appUrl: env.appUrl,
  });
  (await cookies()).set(ISSUER_SIGN_IN_COOKIE, sealed, {
    httpOnly: true,
    // Lax: the issuer sends the holder back with a top-level GET, which carries it.
    sameSite: "lax",
    secure: env.appUrl.startsWith("https://"),
    path: ISSUER_CALLBACK_PATH,
    maxAge: ISSUER_SIGN_IN_SECONDS,
  });
  return { authorizationUrl };
});
