import "server-only";
import { and, eq, isNotNull, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import { recipientIdentitiesOf } from "@/lib/identities/recipient-identities";
import type { FetchLike } from "@/lib/net";
import type { InterpretedCredential } from "@/lib/credentials/formats";
import { toVerifyInput } from "@/lib/credentials/verify-input";
import type { ImportCandidate } from "@/lib/import/types";
import { listKnownIssuers } from "@/lib/issuers/data";
import { processProofCache } from "@/lib/runtime/proof-cache";
import { configuredTrustAnchors } from "@/lib/runtime/trust-anchors";
import { verifyCredential, type VerificationResult, type VerifyDeps } from "@/lib/verification";
import { logError } from "@/lib/observability/logger";
import { countVerification } from "@/lib/observability/metrics";

/** What verifying a holder's credentials needs: their confirmed emails and DIDs, the issuer registry, the fetcher. */
export async function verificationDepsForHolder(
  db: Database,
  holderId: string,
  fetch: FetchLike,
  now: () => Date = () => new Date(),
): Promise<VerifyDeps> {
  const holder = await recipientIdentitiesOf(db, holderId);
  const registry = await listKnownIssuers(db);
  return {
    fetch,
    now,
    holder,
    knownIssuers: registry,
    proofCache: processProofCache(),
    ...configuredTrustAnchors(),
  };
}

/** Verifies a credential about to be imported, and each one inside it; failures are logged, not thrown. */
export async function verifyCandidate(
  candidate: ImportCandidate,
  deps: VerifyDeps,
): Promise<Map<InterpretedCredential, VerificationResult>> {
  const { interpreted } = candidate;
  const items = interpreted.presentation ? interpreted.children : [interpreted, ...interpreted.children];
  const results = new Map<InterpretedCredential, VerificationResult>();
  for (const item of items) {
    if (item.record.selfReported) continue;
    try {
      const result = await verifyCredential(toVerifyInput(item), deps);
      countVerification("import", result.verdict);
      results.set(item, result);
    } catch (error) {
      logError("import", "verification failed", error);
    }
  }
  return results;
}

/**
 * Verifies one of the holder's credentials (and those inside it, for a CLR) and stores each
 * result. Returns the result of the credential asked for, or null when it is not the holder's.
 */
export async function verifyStoredCredential(
  db: Database,
  holderId: string,
  credentialId: string,
  deps: VerifyDeps,
): Promise<VerificationResult | null> {
  const rows = await db
    .select({
      id: credentials.id,
      record: credentials.record,
      payload: credentials.payload,
      signed: credentials.signed,
      linked: credentials.linked,
    })
    .from(credentials)
    .where(
      and(
        eq(credentials.holderId, holderId),
        or(
          eq(credentials.id, credentialId),
          and(isNotNull(credentials.parentId), eq(credentials.parentId, credentialId)),
        ),
      ),
    );
  let asked: VerificationResult | null = null;
  for (const row of rows) {
    const stored = {
      record: row.record,
      payload: row.payload,
      signed: row.signed ?? undefined,
      linked: row.linked ?? undefined,
    } as Parameters<typeof toVerifyInput>[0];
    const result = await verifyCredential(toVerifyInput(stored), deps);
    countVerification("stored", result.verdict);
    await db
      .update(credentials)
      .set({ verdict: result.verdict, verification: result, verifiedAt: new Date(result.checkedAt) })
      .where(and(eq(credentials.holderId, holderId), eq(credentials.id, row.id)));
    if (row.id === credentialId) asked = result;
  }
  return asked;
}

/** Re-checks a credential whose stored result is missing or older than `maxAgeMinutes`. */
export async function refreshIfStale(
  db: Database,
  holderId: string,
  credentialId: string,
  maxAgeMinutes: number,
  fetch: FetchLike,
): Promise<boolean> {
  const [row] = await db
    .select({ verifiedAt: credentials.verifiedAt, selfReported: credentials.selfReported })
    .from(credentials)
    .where(and(eq(credentials.holderId, holderId), eq(credentials.id, credentialId)));
  if (!row || row.selfReported) return false;
  if (row.verifiedAt && Date.now() - row.verifiedAt.getTime() <= maxAgeMinutes * 60_000) return false;
  await verifyStoredCredential(db, holderId, credentialId, await verificationDepsForHolder(db, holderId, fetch));
  return true;
}
