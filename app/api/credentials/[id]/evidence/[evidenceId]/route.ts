import { getDb } from "@/db";
import { getEvidenceFileForHolder } from "@/lib/credential-store/evidence";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { attachmentResponse } from "@/lib/http/attachment";
import { isUuid } from "@/lib/http/ids";

/**
 * A self-reported certificate's evidence file, byte for byte, always as a download: a PDF or an
 * image the holder uploaded is never rendered by the browser from our origin (docs/threat-model.md D6).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; evidenceId: string }> }) {
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  const { id, evidenceId } = await params;
  const file =
    isUuid(id) && isUuid(evidenceId) ? await getEvidenceFileForHolder(getDb(), holder.id, id, evidenceId) : null;
  if (!file) return jsonError(404, "That file was not found.");
  return attachmentResponse(file.bytes, {
    filename: file.filename,
    mediaType: file.mediaType,
    sha256: file.sha256,
    fallbackName: "evidence",
  });
}
