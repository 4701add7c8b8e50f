/** Every TanStack Query key in one place (ARCHITECTURE convention 8). */
export const queryKeys = {
  importJob: (jobId: string) => ["import-job", jobId] as const,
};
