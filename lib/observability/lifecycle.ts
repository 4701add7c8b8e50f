import { remember } from "@/lib/runtime/remember";

/**
 * Whether this process is shutting down (our HTTP server got SIGTERM): readiness then fails, so
 * the load balancer stops sending new requests while those in flight finish. Parts that hold work
 * in memory (the job worker, the share-view counts) register what to do before the process exits.
 */
const state = () =>
  remember("lifecycle", () => ({ draining: false, hooks: new Map<string, () => Promise<unknown>>() }));

export function markDraining(): void {
  state().draining = true;
}

export function isDraining(): boolean {
  return state().draining;
}

/** Registers (once per name) work to finish when the process stops. */
export function onDrain(name: string, hook: () => Promise<unknown>): void {
  state().hooks.set(name, hook);
}

/** Marks the process draining and runs every registered hook; failures are reported, not thrown. */
export async function drain(report: (name: string, error: unknown) => void): Promise<void> {
  markDraining();
  await Promise.all([...state().hooks].map(([name, hook]) => hook().catch((error: unknown) => report(name, error))));
}
