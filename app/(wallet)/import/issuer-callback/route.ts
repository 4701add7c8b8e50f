import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors/domain-error";
import { holderRoute } from "@/lib/http/route";
import {
  finishIssuerSignIn,
  ISSUER_CALLBACK_PATH,
  ISSUER_SIGN_IN_COOKIE,
  ISSUER_SIGN_IN_MESSAGE_COOKIE,
} from "@/lib/issuance/holder";
import { GENERIC_FAILURE_MESSAGE } from "@/lib/actions/result";
import { logError } from "@/lib/observability/logger";
import { issuanceFetch } from "@/lib/runtime/issuance";
import { nudgeBackgroundWork } from "@/lib/runtime/schedulers";

/**
 * Where an issuer sends the holder back after she signed in (authorization code flow). The sealed
 * request is spent at once (a second visit with the same answer finds none), `state` is compared
 * with the one sent, and what arrives is queued as her own import job. Either way she lands on
 * /import: with the job to follow, or with the reason in plain words.
 */
export const GET = holderRoute({ mutating: false }, async (request, { holder, db }) => {
  const store = await cookies();
  const sealed = store.get(ISSUER_SIGN_IN_COOKIE)?.value;
  store.delete({ name: ISSUER_SIGN_IN_COOKIE, path: ISSUER_CALLBACK_PATH });
  const back = new URL("/import", env.appUrl);
  try {
    const { jobId } = await finishIssuerSignIn(db, holder.id, sealed, request.url, issuanceFetch());
    nudgeBackgroundWork();
    back.searchParams.set("received", jobId);
  } catch (error) {
    if (!isDomainError(error)) logError("issuance", "sign-in callback failed", error);
    // The reason goes in a one-minute cookie, not the address: a link cannot put words on our page.
    store.set(ISSUER_SIGN_IN_MESSAGE_COOKIE, isDomainError(error) ? error.message : GENERIC_FAILURE_MESSAGE, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.appUrl.startsWith("https://"),
      path: "/import",
      maxAge: 60,
    });
    back.searchParams.set("issuer", "refused");
  }
  return Response.redirect(back, 303);
});
