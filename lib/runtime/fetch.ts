import "server-only";
import { env } from "@/lib/env";
import { createGuardedFetch, type FetchLike } from "@/lib/net";
import { loadDocumentBundle } from "@/lib/net/document-bundle";
import { remember } from "./remember";

/**
 * The one guarded fetcher of this server process, for imports, verification, share pages and the
 * public API alike: remote lookups cached for 5 minutes, and the document bundle consulted first
 * when TESSERA_DOCUMENTS names one.
 */
export function serverFetch(): FetchLike {
  return remember("guarded-fetch", () =>
    createGuardedFetch({
      timeoutMs: 5_000,
      maxBytes: 5 * 1024 * 1024,
      cacheTtlMs: 5 * 60_000,
      ...(env.documentsBundle ? { documents: loadDocumentBundle(env.documentsBundle) } : {}),
      // Tests only, and lib/env refuses it unless this server's own origin is localhost.
      ...(env.testLoopbackIssuerPort ? { allowLoopbackPlainHttp: { port: env.testLoopbackIssuerPort } } : {}),
    }),
  );
}
