/**
 * The guarded fetcher in the shape protocol libraries expect (WHATWG `fetch`), for OpenID4VCI and
 * OAuth clients that take a `fetch` callback (ADR 0028). Every call still goes through
 * createGuardedFetch: https, public addresses checked at connect time, caps on time and size. Only
 * GET and POST pass, with the protocol headers lib/net allows; 4xx answers are handed back because
 * OAuth reports its errors in them.
 */
import { FetchRefusedError } from "./errors";
import { PROTOCOL_HEADERS, type FetchLike } from "./guarded-fetch";

type ProtocolFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

function bodyText(body: RequestInit["body"]): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new FetchRefusedError("method");
}

export function protocolFetch(guarded: FetchLike): ProtocolFetch {
  return async (input, init = {}) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "POST") throw new FetchRefusedError("method");
    const headers = new Headers(init.headers);
    const text = bodyText(init.body);
    const response = await guarded(url, {
      method,
      accept: headers.get("accept") ?? "application/json",
      signal: init.signal ?? undefined,
      acceptClientErrors: true,
      headers: Object.fromEntries(
        PROTOCOL_HEADERS.flatMap((name) => (headers.has(name) ? [[name, headers.get(name)!]] : [])),
      ),
      ...(method === "POST" && text !== undefined
        ? { body: { contentType: headers.get("content-type") ?? "application/json", text } }
        : {}),
    });
    return new Response(response.body.length > 0 ? Buffer.from(response.body) : null, {
      status: response.status,
      headers: response.headers,
    });
  };
}
