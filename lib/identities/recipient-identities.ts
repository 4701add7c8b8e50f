import "server-only";
import type { Database } from "@/db/client";
import { confirmedEmailsOf } from "./emails-data";

/**
 * What the recipient check compares a credential with: every confirmed address of the holder.
 * Unconfirmed addresses never count (an address is only the holder's once a link sent to it was used).
 */
export async function recipientIdentitiesOf(
  db: Database,
  holderId: string,
): Promise<{ emails: string[]; dids: string[] }> {
  return { emails: await confirmedEmailsOf(db, holderId), dids: [] };
}
