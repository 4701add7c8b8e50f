import { getDb } from "@/db";
import { getOriginalForHolder } from "@/lib/credential-store/data";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { attachmentResponse } from "@/lib/http/attachment";
import { isUuid } from "@/lib/http/ids";

/**
 * The original file, byte for byte, always as a download: a hostile SVG or HTML-looking JSON is
 * never rendered by the browser from our origin (docs/threat-model.md D6).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  const { id } = await params;
  const original = isUuid(id) ? await getOriginalForHolder(getDb(), holder.id, id) : null;
  if (!original) return jsonError(404, "That credential was not found.");
  return attachmentResponse(original.bytes, {
    filename: original.filename,
    mediaType: original.mediaType,
    sha256: original.sha256,
    fallbackName: "credential",
  });
}
