import { getEvidenceFileForHolder } from "@/lib/credential-store/evidence";
import { DomainError } from "@/lib/errors/domain-error";
import { attachmentResponse } from "@/lib/http/attachment";
import { isUuid } from "@/lib/http/ids";
import { holderRoute } from "@/lib/http/route";

/**
 * A self-reported certificate's evidence file, byte for byte, always as a download: a PDF or an
 * image the holder uploaded is never rendered by the browser from our origin (docs/threat-model.md D6).
 */
export const GET = holderRoute<{ id: string; evidenceId: string }>(
  { mutating: false },
  async (_request, { holder, db, params: { id, evidenceId } }) => {
    const file =
      isUuid(id) && isUuid(evidenceId) ? await getEvidenceFileForHolder(db, holder.id, id, evidenceId) : null;
    if (!file) throw new DomainError("not_found", "That file was not found.");
    return attachmentResponse(file.bytes, {
      filename: file.filename,
      mediaType: file.mediaType,
      sha256: file.sha256,
      fallbackName: "evidence",
    });
  },
);
