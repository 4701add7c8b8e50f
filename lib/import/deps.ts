import "server-only";
import { env } from "@/lib/env";
import { createGuardedFetch, type FetchLike } from "@/lib/net";
import { loadDocumentBundle } from "@/lib/net/document-bundle";
import type { ImportDeps } from "./pipeline";

const globalForFetch = globalThis as unknown as { tesseraGuardedFetch?: FetchLike };

/** The one guarded fetcher of this server process (remote lookups cached for 5 minutes). */
export function serverFetch(): FetchLike {
  globalForFetch.tesseraGuardedFetch ??= createGuardedFetch({
    timeoutMs: 5_000,
    maxBytes: 5 * 1024 * 1024,
    cacheTtlMs: 5 * 60_000,
    ...(env.documentsBundle ? { documents: loadDocumentBundle(env.documentsBundle) } : {}),
  });
  return globalForFetch.tesseraGuardedFetch;
}

export function defaultImportDeps(): ImportDeps {
  return { fetch: serverFetch() };
}
