import { getCredentialImageForHolder } from "@/lib/credential-store/data";
import { DomainError } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/http/ids";
import { holderRoute } from "@/lib/http/route";

/** The badge image, always our own sanitized PNG raster (never the imported SVG or bytes). */
export const GET = holderRoute<{ id: string }>({ mutating: false }, async (_request, { holder, db, params }) => {
  const png = isUuid(params.id) ? await getCredentialImageForHolder(db, holder.id, params.id) : null;
  if (!png) throw new DomainError("not_found", "No image.");
  return new Response(Buffer.from(png), {
    headers: {
      "content-type": "image/png",
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
});
