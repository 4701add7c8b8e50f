import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials, holderWorkloads } from "@/db/schema";
import { toStackCredential, type StackCredential } from "@/lib/stacking";
import type { VerificationResult } from "@/lib/verification/types";

/**
 * A credential whose signature, issuer, status or recipient check failed (forged, revoked, issued
 * to someone else) never counts toward a pathway. A failed validity check only means expired: the
 * engine treats that itself, so the holder sees "expired, renew it" rather than "missing".
 * Credentials that could not be fully checked, or are self-reported, count.
 */
function disqualified(verification: VerificationResult | null): boolean {
  return verification?.checks.some((check) => check.status === "failed" && check.id !== "validity") ?? false;
}

export interface HolderStack {
  /** What counts toward pathways. */
  counted: StackCredential[];
  /** In the wallet but never counted (a failed check), by id: their titles, to say why. */
  disqualified: Map<string, string>;
}

export async function holderStack(db: Database, holderId: string): Promise<HolderStack> {
  const rows = await db
    .select({
      id: credentials.id,
      record: credentials.record,
      verification: credentials.verification,
      holderHours: holderWorkloads.hours,
      holderEcts: holderWorkloads.ects,
    })
    .from(credentials)
    .leftJoin(
      holderWorkloads,
      and(eq(holderWorkloads.credentialId, credentials.id), eq(holderWorkloads.holderId, holderId)),
    )
    .where(eq(credentials.holderId, holderId));
  const stack: HolderStack = { counted: [], disqualified: new Map() };
  for (const row of rows) {
    if (disqualified(row.verification)) stack.disqualified.set(row.id, row.record.title);
    else
      stack.counted.push(
        toStackCredential(row.record, row.id, { holderSet: { hours: row.holderHours, ects: row.holderEcts } }),
      );
  }
  return stack;
}

/** The holder's credentials as the stacking engine reads them. */
export async function stackCredentialsForHolder(db: Database, holderId: string): Promise<StackCredential[]> {
  return (await holderStack(db, holderId)).counted;
}
