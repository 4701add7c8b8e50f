import "server-only";
import type { Database } from "@/db/client";
import { getCurrentHolder, type CurrentHolder } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { DomainError, ERROR_STATUS, isDomainError } from "@/lib/errors/domain-error";
import { getDb } from "@/lib/runtime/database";
import { isCrossSiteRequest, isSameOriginRequest } from "@/lib/security/same-origin";

/** A DomainError as a JSON answer: `{ error, fieldErrors? }` with the code's status (and Retry-After). */
export function errorResponse(error: DomainError): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json(
    { error: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) },
    { status: ERROR_STATUS[error.code], headers },
  );
}

/** Next passes `{ params }`; a handler called directly (a test) may pass nothing. */
type RouteContext<P> = { params: Promise<P> } | undefined;

async function paramsOf<P>(context: RouteContext<P>): Promise<P> {
  return ((await context?.params) ?? {}) as P;
}

export interface HolderRouteOptions {
  /** A state-changing request must come from our own pages (route handlers get no server-action origin check). */
  mutating: boolean;
  /** A GET that hands over the holder's data (export, evidence pack, calendar) is refused when another site sent the browser. */
  download?: boolean;
}

async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }
}

/**
 * The one shape of a holder's route handler, like holderAction for actions: the origin checks,
 * then the session, then the handler with `{ holder, db, params }`. A DomainError thrown anywhere
 * inside becomes its JSON answer here, and nowhere else.
 */
export function holderRoute<P = Record<string, never>>(
  options: HolderRouteOptions,
  handler: (request: Request, context: { holder: CurrentHolder; db: Database; params: P }) => Promise<Response>,
) {
  return (request: Request, context?: RouteContext<P>): Promise<Response> =>
    answer(async () => {
      if (
        (options.mutating && !isSameOriginRequest(request.headers, env.appUrl)) ||
        (options.download && isCrossSiteRequest(request.headers, env.appUrl))
      )
        throw new DomainError("forbidden", "This request did not come from Tessera.");
      const holder = await getCurrentHolder();
      if (!holder) throw new DomainError("unauthenticated", "Please sign in again.");
      return handler(request, { holder, db: getDb(), params: await paramsOf(context) });
    });
}

/** A route anyone may call (the public verify API): `{ db, params }`, and DomainErrors answered as JSON. */
export function publicRoute<P = Record<string, never>>(
  handler: (request: Request, context: { db: Database; params: P }) => Promise<Response>,
) {
  return (request: Request, context?: RouteContext<P>): Promise<Response> =>
    answer(async () => handler(request, { db: getDb(), params: await paramsOf(context) }));
}
