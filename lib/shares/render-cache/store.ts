/**
 * A small in-process store of rendered share pages: one entry per share, valid while its key
 * (a digest of everything the page shows, key.ts) is unchanged and younger than the TTL.
 * Bounded by entries and bytes, oldest dropped first. Concurrent misses for the same page share
 * one render (a burst of recruiters opening a fresh link renders it once).
 */

export interface RenderedPage {
  /** What the page occupies in memory, in bytes. */
  byteLength: number;
}

type Entry<P extends RenderedPage> = P & {
  key: string;
  storedAt: number;
  bytes: number;
};

export interface RenderCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  maxBytes?: number;
}

export class RenderCache<P extends RenderedPage = RenderedPage> {
  private readonly entries = new Map<string, Entry<P>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private totalBytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(private readonly options: RenderCacheOptions) {
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  get(shareId: string, key: string, now: number): P | null {
    const entry = this.entries.get(shareId);
    if (!entry) return null;
    if (entry.key !== key || now - entry.storedAt >= this.options.ttlMs) {
      this.delete(shareId);
      return null;
    }
    return entry;
  }

  set(shareId: string, key: string, page: P, now: number): void {
    this.delete(shareId);
    const bytes = page.byteLength;
    if (bytes > this.maxBytes) return;
    this.entries.set(shareId, { ...page, key, storedAt: now, bytes });
    this.totalBytes += bytes;
    // Map iteration is insertion order: the first entries are the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(shareId: string): void {
    const entry = this.entries.get(shareId);
    if (!entry) return;
    this.totalBytes -= entry.bytes;
    this.entries.delete(shareId);
  }

  /** Runs `render` once for concurrent callers asking for the same page under the same key. */
  shared<T>(shareId: string, key: string, render: () => Promise<T>): Promise<T> {
    const flightKey = `${shareId}\u0000${key}`;
    const running = this.inFlight.get(flightKey) as Promise<T> | undefined;
    if (running) return running;
    const started = render().finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, started);
    return started;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.totalBytes };
  }
}
