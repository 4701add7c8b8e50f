import "server-only";
import { getCurrentHolder, type CurrentHolder } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isCrossSiteRequest, isSameOriginRequest } from "@/lib/security/same-origin";

export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Guards a holder's route handler: a session is required, and a state-changing request must come
 * from our own pages (route handlers do not get the server-action origin check). `download`: a
 * GET that hands over the holder's data (export, evidence pack, calendar) is refused when another
 * site sent the browser.
 */
export async function requireHolderForRoute(
  request: Request,
  { mutating, download = false }: { mutating: boolean; download?: boolean },
): Promise<CurrentHolder | Response> {
  if (mutating && !isSameOriginRequest(request.headers, env.appUrl))
    return jsonError(403, "This request did not come from Tessera.");
  if (download && isCrossSiteRequest(request.headers, env.appUrl))
    return jsonError(403, "This request did not come from Tessera.");
  const holder = await getCurrentHolder();
  if (!holder) return jsonError(401, "Please sign in again.");
  return holder;
}
