import "server-only";
import { env } from "@/lib/env";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isUuid } from "@/lib/http/ids";
import type { CurrentHolder } from "@/lib/auth/session";
import { isCrossSiteRequest } from "./cross-site";

export async function requireHolderForEvidence(request: Request, cycleId: string): Promise<CurrentHolder | Response> {
  if (isCrossSiteRequest(request.headers, env.appUrl)) return jsonError(403, "This request did not come from Tessera.");
  const holder = await requireHolderForRoute(request, { mutating: false });
  if (holder instanceof Response) return holder;
  if (!isUuid(cycleId)) return jsonError(404, "That cycle was not found.");
  return holder;
}
