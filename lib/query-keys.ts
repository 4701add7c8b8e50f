/** Every TanStack Query key in one place (docs/architecture.md convention 8). */
export const queryKeys = {
  importJob: (jobId: string) => ["import-job", jobId] as const,
  /**
   * One wallet view: the server render it started from (so a fresh render's data is never hidden
   * by an older cache entry) and the canonical query string (lib/wallet/query.ts).
   */
  wallet: (renderId: string, search: string) => ["wallet", renderId, search] as const,
};
