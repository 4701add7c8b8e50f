import { getDb } from "@/lib/runtime/database";
import { serverNow } from "@/lib/clock";
import { sharedImageResponse } from "@/lib/shares/http";
import { getSharedImage } from "@/lib/shares/files";
import { shareProblemResponse } from "@/lib/shares/status-page";
import { visitorLocale } from "@/lib/i18n/locales";

/** The badge image (our sanitized PNG) of a credential the live share names. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; credentialId: string }> }) {
  const { token, credentialId } = await params;
  const answer = await getSharedImage(getDb(), token, credentialId, serverNow());
  return answer.status === "ok"
    ? sharedImageResponse(answer.png)
    : shareProblemResponse(answer.status, { locale: visitorLocale(request.headers) });
}
