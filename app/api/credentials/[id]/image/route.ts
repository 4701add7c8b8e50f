import { getDb } from "@/db";
import { getCredentialImageForHolder } from "@/lib/credential-store/data";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isUuid } from "@/lib/http/ids";

/** The badge image, always our own sanitized PNG raster (never the imported SVG or bytes). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  const { id } = await params;
  const png = isUuid(id) ? await getCredentialImageForHolder(getDb(), holder.id, id) : null;
  if (!png) return jsonError(404, "No image.");
  return new Response(Buffer.from(png), {
    headers: {
      "content-type": "image/png",
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
