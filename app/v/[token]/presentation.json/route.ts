import { getDb } from "@/lib/runtime/database";
import { serverNow } from "@/lib/clock";
import { getSharedPresentation } from "@/lib/shares/downloads";
import { sharedFileResponse } from "@/lib/shares/http";
import { shareProblemResponse } from "@/lib/shares/status-page";
import { visitorLocale } from "@/lib/i18n/locales";

/**
 * The whole share as one unsigned W3C Verifiable Presentation: each credential in its original
 * signed form (lib/shares/presentation.ts says what is left out and why). Not a page view.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const answer = await getSharedPresentation(getDb(), token, serverNow());
  if (answer.status !== "ok") return shareProblemResponse(answer.status, { locale: visitorLocale(request.headers) });
  const body = new TextEncoder().encode(`${JSON.stringify(answer.built.presentation, null, 2)}\n`);
  return sharedFileResponse(body, {
    filename: "shared-credentials.json",
    mediaType: "application/json; charset=utf-8",
  });
}
