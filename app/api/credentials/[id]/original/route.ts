import { getOriginalForHolder } from "@/lib/credential-store/data";
import { DomainError } from "@/lib/errors/domain-error";
import { attachmentResponse } from "@/lib/http/attachment";
import { isUuid } from "@/lib/http/ids";
import { holderRoute } from "@/lib/http/route";

/**
 * The original file, byte for byte, always as a download: a hostile SVG or HTML-looking JSON is
 * never rendered by the browser from our origin (docs/threat-model.md D6).
 */
export const GET = holderRoute<{ id: string }>({ mutating: false }, async (_request, { holder, db, params }) => {
  const original = isUuid(params.id) ? await getOriginalForHolder(db, holder.id, params.id) : null;
  if (!original) throw new DomainError("not_found", "That credential was not found.");
  return attachmentResponse(original.bytes, {
    filename: original.filename,
    mediaType: original.mediaType,
    sha256: original.sha256,
    fallbackName: "credential",
  });
});
