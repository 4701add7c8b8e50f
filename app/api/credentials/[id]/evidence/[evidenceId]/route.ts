import { getDb } from "@/db";
import { getEvidenceFileForHolder } from "@/lib/credentials/evidence";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isUuid } from "@/lib/http/ids";

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/**
 * A self-reported certificate's evidence file, byte for byte, always as a download: a PDF or an
 * image the holder uploaded is never rendered by the browser from our origin (security.md D6).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; evidenceId: string }> }) {
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  const { id, evidenceId } = await params;
  const file = isUuid(id) && isUuid(evidenceId) ? await getEvidenceFileForHolder(getDb(), holder.id, id, evidenceId) : null;
  if (!file) return jsonError(404, "That file was not found.");
  const base = file.filename.replace(/[^\w.-]+/g, "_").slice(0, 100) || "evidence";
  const name = /\.\w+$/.test(base) ? base : `${base}.${EXTENSIONS[file.mediaType] ?? "bin"}`;
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${name}"`,
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "x-content-sha256": file.sha256,
    },
  });
}
