import "server-only";
import { getDb } from "@/lib/runtime/database";
import { serverNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { visitorLocale } from "@/lib/i18n/locales";
import { getHolderSignedPresentation } from "@/lib/shares/downloads";
import { challengeFrom } from "@/lib/shares/holder-proof";
import { sharedFileResponse } from "@/lib/shares/http";
import { sharePagePath } from "@/lib/shares/paths";
import { SHARE_RESPONSE_HEADERS } from "@/lib/shares/problems";
import { shareProblemResponse } from "@/lib/shares/status-page";

/**
 * A shared presentation as a download, signed by the holder for this request: `?challenge=` is the
 * requester's own nonce (a recruiter's tool), else a fresh one; the domain is the share's URL.
 */
export async function presentationResponse(request: Request, token: string, credentialId?: string) {
  const choice = challengeFrom(new URL(request.url).searchParams.get("challenge"));
  if (!choice.ok)
    return new Response(`${choice.message}\n`, {
      status: 400,
      headers: { ...SHARE_RESPONSE_HEADERS, "content-type": "text/plain; charset=utf-8" },
    });
  const answer = await getHolderSignedPresentation(getDb(), token, serverNow(), {
    challenge: choice.challenge,
    domain: `${env.appUrl}${sharePagePath(token)}`,
    ...(credentialId === undefined ? {} : { credentialId }),
  });
  if (answer.status !== "ok") return shareProblemResponse(answer.status, { locale: visitorLocale(request.headers) });
  const body = new TextEncoder().encode(`${JSON.stringify(answer.presentation, null, 2)}\n`);
  return sharedFileResponse(body, {
    filename: credentialId === undefined ? "shared-credentials.json" : "shared-credential-presentation.json",
    mediaType: "application/json; charset=utf-8",
  });
}
