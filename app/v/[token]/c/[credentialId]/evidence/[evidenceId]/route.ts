import { getDb } from "@/lib/runtime/database";
import { serverNow } from "@/lib/clock";
import { sharedFileResponse } from "@/lib/shares/http";
import { getSharedEvidenceFile } from "@/lib/shares/files";
import { shareProblemResponse } from "@/lib/shares/status-page";
import { visitorLocale } from "@/lib/i18n/locales";

/** An evidence file, only when the share shows evidence; always a download. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; credentialId: string; evidenceId: string }> },
) {
  const { token, credentialId, evidenceId } = await params;
  const answer = await getSharedEvidenceFile(getDb(), token, credentialId, evidenceId, serverNow());
  if (answer.status !== "ok") return shareProblemResponse(answer.status, { locale: visitorLocale(request.headers) });
  return sharedFileResponse(answer.file.bytes, {
    filename: answer.file.filename || "evidence",
    sha256: answer.file.sha256,
  });
}
