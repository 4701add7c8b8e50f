import "server-only";
import type { Database } from "@/db/client";
import { listKnownIssuers } from "@/lib/issuers/data";
import { serverFetch } from "@/lib/runtime/fetch";
import { processProofCache } from "@/lib/runtime/proof-cache";
import { configuredTrustAnchors } from "@/lib/runtime/trust-anchors";
import type { VerifyUploadDeps } from "./verify-upload";

/** What the public verifier checks with in this server: the process's fetcher, proof cache and trust list, and the issuer registry. */
export async function publicVerifyDeps(db: Database): Promise<VerifyUploadDeps> {
  return {
    fetch: serverFetch(),
    knownIssuers: await listKnownIssuers(db),
    proofCache: processProofCache(),
    ...configuredTrustAnchors(),
  };
}
