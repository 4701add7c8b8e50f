import "server-only";
import { jsonError, requireHolderForRoute } from "@/lib/http/holder-route";
import { isUuid } from "@/lib/http/ids";
import type { CurrentHolder } from "@/lib/auth/session";

export async function requireHolderForEvidence(request: Request, cycleId: string): Promise<CurrentHolder | Response> {
  const holder = await requireHolderForRoute(request, { mutating: false, download: true });
  if (holder instanceof Response) return holder;
  if (!isUuid(cycleId)) return jsonError(404, "That cycle was not found.");
  return holder;
}
