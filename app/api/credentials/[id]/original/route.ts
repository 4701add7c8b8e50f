import { getDb } from "@/db";
import { getOriginalForHolder } from "@/lib/credentials/data";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isUuid } from "@/lib/http/ids";

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/svg+xml": "svg", "application/json": "json", "application/jwt": "jwt", "application/xml": "xml" };

/**
 * The original file, byte for byte, always as a download: a hostile SVG or HTML-looking JSON is
 * never rendered by the browser from our origin (security.md D6).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  const { id } = await params;
  const original = isUuid(id) ? await getOriginalForHolder(getDb(), holder.id, id) : null;
  if (!original) return jsonError(404, "That credential was not found.");
  const base = (original.filename ?? "credential").replace(/[^\w.-]+/g, "_").slice(0, 100);
  const name = /\.\w+$/.test(base) ? base : `${base}.${EXTENSIONS[original.mediaType] ?? "bin"}`;
  return new Response(Buffer.from(original.bytes), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${name}"`,
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "x-content-sha256": original.sha256,
    },
  });
}
