import { isIP } from "node:net";
import { Agent, fetch, type Headers } from "undici";
import { checkTarget, normalizeHref, type LoopbackAllowance } from "./address";
import { isEncoded, makeResponse, readCapped, tooLarge, type GuardedResponse } from "./body";
import { ResponseCache } from "./cache";
import { FetchRefusedError, toRefused } from "./errors";
import { pinHost, pinnedConnector, systemLookup, type LookupFn, type Pins } from "./resolve";

export interface GuardedFetchOptions {
  /** Resolves host names; default `dns.lookup` with `all: true`. Every answer must be public. */
  lookup?: LookupFn;
  /** Total time for the whole call (DNS, connect, redirects, body). Default 5 000 ms. */
  timeoutMs?: number;
  /** Cap on the body after decompression. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before refusing. Default 3. */
  maxRedirects?: number;
  userAgent?: string;
  /** TEST ONLY — see LoopbackAllowance. Never set in production. */
  allowLoopbackPlainHttp?: LoopbackAllowance;
  /** Offline bundle (URL → bytes) consulted before the network, for air-gapped sites and tests. */
  documents?: ReadonlyMap<string, Uint8Array | string>;
  /** Caches successful GETs by URL for this long. Default: no cache. */
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  now?: () => number;
}

export interface GuardedInit {
  method?: "GET" | "HEAD" | "POST";
  accept?: string;
  signal?: AbortSignal;
  /** POST only: what is sent (a protocol request: a form or JSON), capped at MAX_REQUEST_BYTES. */
  body?: { contentType: string; text: string };
  /** Protocol headers a request may carry (Authorization, DPoP); nothing else is passed on. */
  headers?: Partial<Record<(typeof PROTOCOL_HEADERS)[number], string>>;
  /**
   * Return 4xx answers instead of refusing them: OAuth and OpenID4VCI report their errors as JSON
   * bodies with a 400 or 401, which the protocol client must read. 5xx is still refused.
   */
  acceptClientErrors?: boolean;
}

/** The request headers a protocol call may set; Host, cookies and the rest stay ours. */
export const PROTOCOL_HEADERS = ["authorization", "dpop"] as const;
/** A protocol request body never needs more than this. */
const MAX_REQUEST_BYTES = 64_000;

export type FetchLike = (url: string, init?: GuardedInit) => Promise<GuardedResponse>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function toBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === "string" ? new TextEncoder().encode(value) : value;
}

function loadDocuments(documents: GuardedFetchOptions["documents"]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [url, value] of documents ?? []) out.set(normalizeHref(url) ?? url, toBytes(value));
  return out;
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Builds THE fetcher every outbound request in Tessera goes through. */
export function createGuardedFetch(options: GuardedFetchOptions = {}): FetchLike {
  const lookup = options.lookup ?? systemLookup;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const maxRedirects = options.maxRedirects ?? 3;
  const userAgent = options.userAgent ?? "Tessera credential wallet";
  const documents = loadDocuments(options.documents);
  const cache = options.cacheTtlMs
    ? new ResponseCache(options.cacheTtlMs, options.cacheMaxEntries ?? 100, options.now ?? Date.now)
    : undefined;

  async function follow(start: string, init: GuardedInit, signal: AbortSignal): Promise<GuardedResponse> {
    const method = init.method ?? "GET";
    const pins: Pins = new Map();
    // One agent per call: its pins die with it, so no socket outlives the addresses checked for it.
    // maxResponseSize caps raw bytes as a backstop (e.g. endless empty gzip members); the tighter
    // cap on decoded bytes is readCapped's, so it is the one people see.
    const agent = new Agent({ connect: pinnedConnector(pins, timeoutMs), maxResponseSize: 2 * maxBytes });
    let current = start;
    try {
      for (let hop = 0; ; hop++) {
        const key = normalizeHref(current) ?? current;
        const stored = method === "POST" ? undefined : documents.get(key);
        if (stored) return makeResponse(key, 200, {}, method === "HEAD" ? new Uint8Array(0) : stored.slice());

        const target = checkTargetAt(current, hop);
        if (target.pinned)
          pins.set(target.host, [{ address: target.pinned, family: isIP(target.pinned) === 6 ? 6 : 4 }]);
        else await pinHost(target.host, pins, lookup, signal).catch((e: unknown) => rethrowAt(e, hop));

        const response = await fetch(target.url.href, {
          method,
          redirect: "manual",
          dispatcher: agent,
          signal,
          headers: {
            ...protocolHeaders(init),
            accept: init.accept ?? "*/*",
            "accept-encoding": "identity",
            "user-agent": userAgent,
          },
          ...(method === "POST" && init.body ? { body: init.body.text } : {}),
        });

        if (REDIRECTS.has(response.status)) {
          await response.body?.cancel().catch(() => undefined);
          // A protocol endpoint that redirects a POST is not followed: the body would go somewhere unchecked.
          if (method === "POST") throw new FetchRefusedError("redirect");
          if (hop >= maxRedirects) {
            throw new FetchRefusedError("too_many_redirects", {
              message: `The server redirected Tessera more than ${maxRedirects} times, so it stopped following.`,
            });
          }
          const location = response.headers.get("location");
          const next = location === null ? undefined : resolveLocation(location, target.url);
          if (next === undefined) throw new FetchRefusedError("redirect");
          current = next;
          continue;
        }
        const clientError = init.acceptClientErrors === true && response.status >= 400 && response.status < 500;
        if ((response.status < 200 || response.status > 299) && !clientError) {
          await response.body?.cancel().catch(() => undefined);
          throw new FetchRefusedError("http_status", {
            status: response.status,
            message: `The server answered with status ${response.status} instead of the document.`,
          });
        }
        const encoded = isEncoded(response.headers.get("content-encoding"));
        const declared = Number(response.headers.get("content-length") ?? NaN);
        if (method !== "HEAD" && Number.isFinite(declared) && declared > maxBytes) {
          await response.body?.cancel().catch(() => undefined);
          throw tooLarge(maxBytes, false);
        }
        const body = method === "HEAD" ? new Uint8Array(0) : await readCapped(response.body, maxBytes, encoded);
        return makeResponse(target.url.href, response.status, headerRecord(response.headers), body);
      }
    } catch (error) {
      throw toRefused(error, signal);
    } finally {
      await agent.destroy().catch(() => undefined);
    }
  }

  function checkTargetAt(url: string, hop: number) {
    try {
      return checkTarget(url, options.allowLoopbackPlainHttp);
    } catch (error) {
      return rethrowAt(error, hop);
    }
  }

  return async function guardedFetch(url, init = {}) {
    const method = init.method ?? "GET";
    if (method !== "GET" && method !== "HEAD" && method !== "POST") throw new FetchRefusedError("method");
    if (method === "POST" && (init.body?.text.length ?? 0) > MAX_REQUEST_BYTES) throw new FetchRefusedError("method");
    const key = normalizeHref(url) ?? url;
    const hit = method === "GET" ? cache?.get(key) : undefined;
    if (hit) return hit;

    const controller = new AbortController();
    const timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 100) / 10;
      controller.abort(
        new FetchRefusedError("timeout", {
          message: `The server took longer than ${seconds} s to answer, so Tessera stopped waiting.`,
        }),
      );
    }, timeoutMs);
    const onCallerAbort = () => controller.abort(new FetchRefusedError("aborted"));
    if (init.signal?.aborted) onCallerAbort();
    init.signal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      const response = await follow(url, init, controller.signal);
      if (method === "GET") cache?.set(key, response);
      return response;
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener("abort", onCallerAbort);
    }
  };
}

function protocolHeaders(init: GuardedInit): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PROTOCOL_HEADERS) {
    const value = init.headers?.[name];
    if (typeof value === "string" && !/[\r\n]/.test(value)) out[name] = value;
  }
  if (init.method === "POST" && init.body) out["content-type"] = init.body.contentType;
  return out;
}

function resolveLocation(location: string, base: URL): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

function rethrowAt(error: unknown, hop: number): never {
  if (hop > 0 && error instanceof FetchRefusedError) throw error.withRedirect();
  throw error;
}
