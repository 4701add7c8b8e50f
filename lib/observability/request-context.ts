import { AsyncLocalStorage } from "node:async_hooks";
import { remember } from "@/lib/runtime/remember";

/**
 * The request id of the request being served, for every log line written while serving it. Our
 * HTTP server (scripts/start/http-server.ts) runs Next's handler inside `runWithRequestId`; the
 * storage is one per process (remember), so code in any of Next's bundles sees the same one.
 */
const storage = () => remember("request-context", () => new AsyncLocalStorage<{ requestId: string }>());

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage().run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}

const ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The load balancer's request id when it sent a well-formed one (HAProxy's `unique-id-header`),
 * so one id follows the request through both logs; otherwise a new one.
 */
export function requestIdFrom(header: string | string[] | undefined, newId: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ID.test(value) ? value : newId();
}
