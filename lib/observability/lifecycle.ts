import { remember } from "@/lib/runtime/remember";

/**
 * Whether this process is shutting down (our HTTP server got SIGTERM): readiness then fails, so
 * the load balancer stops sending new requests while those in flight finish.
 */
const state = () => remember("lifecycle", () => ({ draining: false }));

export function markDraining(): void {
  state().draining = true;
}

export function isDraining(): boolean {
  return state().draining;
}
