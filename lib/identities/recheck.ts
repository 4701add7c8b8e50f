import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import { verificationDepsForHolder, verifyStoredCredential } from "@/lib/credential-store/verify-stored";
import type { FetchLike } from "@/lib/net";
import type { VerificationResult } from "@/lib/verification/types";

export type IdentityChange = "added" | "removed";

/**
 * Which stored results an identity change can alter: an added identity can only turn a recipient
 * check that did not pass into a pass; a removed one can only undo a pass.
 */
function affected(verification: VerificationResult | null, change: IdentityChange): boolean {
  const recipient = verification?.checks.find((check) => check.id === "recipient");
  if (!recipient) return false;
  return change === "added" ? recipient.status !== "passed" : recipient.status === "passed";
}

/**
 * Re-checks, at once, the holder's credentials an added or removed email address or DID affects,
 * so their verdict, pathways and CPD cycles follow without a re-import. Signatures come from the
 * proof cache, so this is quick. Answers how many were re-checked.
 */
export async function recheckAfterIdentityChange(
  db: Database,
  holderId: string,
  change: IdentityChange,
  fetch: FetchLike,
): Promise<number> {
  const rows = await db
    .select({ id: credentials.id, verification: credentials.verification })
    .from(credentials)
    .where(and(eq(credentials.holderId, holderId), eq(credentials.selfReported, false)));
  const ids = rows.filter((row) => affected(row.verification, change)).map((row) => row.id);
  if (ids.length === 0) return 0;
  const deps = await verificationDepsForHolder(db, holderId, fetch);
  for (const id of ids) await verifyStoredCredential(db, holderId, id, deps);
  return ids.length;
}
