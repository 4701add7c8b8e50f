import "server-only";
import { RateLimiterDrizzle } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import type { Limiter, LimiterOptions, LimitResult } from "@/lib/runtime/limits";

/**
 * A per-client allowance kept in the database (the same rate_limits rows as every other limiter,
 * so all server processes share it) that writes there at most once per `syncMs` per client
 * (issue 21: the share page's database time per view). A client's first request in a window is
 * spent at the database at once, as before, and its answer (points spent, when the window ends)
 * is remembered; the requests that follow are counted here and added to the row in one write
 * every `syncMs`, each write bringing back what other processes spent meanwhile. A client over
 * the allowance is refused here without a write. So the limit holds to within what other
 * processes admitted since this one last wrote (at most `syncMs` of their traffic); a refused
 * request costs nothing. docs/threat-model.md F2.
 */

interface ClientState {
  /** Points the database had for this client at the last write, ours included. */
  spent: number;
  /** When the window ends (epoch ms), as the database said. */
  resetAt: number;
  /** Admitted here since the last write. */
  pending: number;
}

export interface BatchedLimiterOptions {
  /** How often this process adds what it admitted to the database; 0 writes every request. */
  syncMs?: number;
  /** Clients remembered at most (the oldest are forgotten, and their next request goes to the database). */
  maxClients?: number;
  now?: () => number;
}

export function createBatchedLimiter(
  db: Database,
  { name, points, durationSeconds }: LimiterOptions,
  { syncMs = 250, maxClients = 10_000, now = Date.now }: BatchedLimiterOptions = {},
): Limiter & { flush(): Promise<void> } {
  const store = new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: name,
    points,
    duration: durationSeconds,
    clearExpiredByTimeout: false,
  });
  const clients = new Map<string, ClientState>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Adds `spend` points to the client's row (penalty never refuses) and remembers the row's answer. */
  async function write(key: string, spend: number): Promise<ClientState> {
    const answer = await store.penalty(key, spend);
    const state = { spent: answer.consumedPoints, resetAt: now() + answer.msBeforeNext, pending: 0 };
    clients.delete(key);
    clients.set(key, state);
    for (const oldest of clients.keys()) {
      if (clients.size <= maxClients) break;
      clients.delete(oldest);
    }
    return state;
  }

  async function flush(): Promise<void> {
    timer = null;
    const due = [...clients].filter(([, state]) => state.pending > 0);
    for (const [key, state] of due) {
      const spend = state.pending;
      state.pending = 0;
      try {
        const written = await write(key, spend);
        // Admitted while the write was under way: carried to the next one.
        written.pending += state.pending;
        if (written.pending > 0) schedule();
      } catch (error) {
        // Not retried: the database is away (or closed), and the next request writes afresh.
        clients.delete(key);
        console.error("[limits] could not write a client's spending:", error);
      }
    }
    const time = now();
    for (const [key, state] of clients) if (state.pending === 0 && state.resetAt <= time) clients.delete(key);
  }

  function schedule(): void {
    timer ??= setTimeout(() => void flush(), syncMs);
    timer.unref?.();
  }

  const refused = (state: ClientState, time: number): LimitResult => ({
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((state.resetAt - time) / 1000)),
  });

  return {
    async consume(key) {
      const time = now();
      const known = clients.get(key);
      if (syncMs === 0 || !known || known.resetAt <= time) {
        const state = await write(key, 1);
        return state.spent <= points ? { ok: true } : refused(state, time);
      }
      if (known.spent + known.pending + 1 > points) return refused(known, time);
      known.pending += 1;
      schedule();
      return { ok: true };
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}
