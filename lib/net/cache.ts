import { makeResponse, type GuardedResponse } from "./body";

interface Entry {
  response: GuardedResponse;
  expiresAt: number;
}

/** A small in-memory TTL cache with LRU eviction (Map keeps insertion order). */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(key: string): GuardedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return copy(entry.response);
  }

  set(key: string, response: GuardedResponse): void {
    this.entries.delete(key);
    this.entries.set(key, { response: copy(response), expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

// Callers get their own bytes, so one caller mutating a body cannot poison the cache.
function copy(response: GuardedResponse): GuardedResponse {
  return makeResponse(response.url, response.status, response.headers, response.body.slice());
}
