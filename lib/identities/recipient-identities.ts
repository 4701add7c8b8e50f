import "server-only";
import type { Database } from "@/db/client";
import { confirmedEmailsOf } from "./emails-data";
import { walletDidsOf } from "./wallet-did";

/**
 * What the recipient check compares a credential with: every confirmed address of the holder and
 * every wallet DID, previous ones included.
 * Unconfirmed addresses never count (an address is only the holder's once a link sent to it was used).
 */
export async function recipientIdentitiesOf(
  db: Database,
  holderId: string,
): Promise<{ emails: string[]; dids: string[] }> {
  return { emails: await confirmedEmailsOf(db, holderId), dids: await walletDidsOf(db, holderId) };
}
