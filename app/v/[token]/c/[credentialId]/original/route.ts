import { getDb } from "@/lib/runtime/database";
import { serverNow } from "@/lib/clock";
import { getSharedDownload } from "@/lib/shares/downloads";
import { sharedFileResponse } from "@/lib/shares/http";
import { shareProblemResponse } from "@/lib/shares/status-page";
import { visitorLocale } from "@/lib/i18n/locales";

/** The credential file as its issuer signed it, through a live share (not a page view). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; credentialId: string }> }) {
  const { token, credentialId } = await params;
  const answer = await getSharedDownload(getDb(), token, credentialId, serverNow());
  if (answer.status !== "ok") return shareProblemResponse(answer.status, { locale: visitorLocale(request.headers) });
  // A withheld or unavailable file is not offered on the page; asked for anyway, it is not found.
  if (answer.download.kind !== "file")
    return shareProblemResponse("not-found", { locale: visitorLocale(request.headers) });
  const { bytes, filename, sha256 } = answer.download;
  return sharedFileResponse(bytes, { filename, sha256 });
}
