import { getDb } from "@/db";
import { env } from "@/lib/env";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isCrossSiteNavigation, walletExportResponse } from "@/lib/portability/http";

export const dynamic = "force-dynamic";

/**
 * The signed-in holder's whole wallet as one zip (docs/decisions/0015), streamed with its exact
 * size. The holder comes from the session only: there is no parameter that could name another.
 */
export async function GET(request: Request) {
  if (isCrossSiteNavigation(request.headers, env.appUrl)) return jsonError(403, "This request did not come from Tessera.");
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  return walletExportResponse(getDb(), holder.id);
}
