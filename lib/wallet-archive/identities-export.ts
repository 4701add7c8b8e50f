import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { holderEmails, users } from "@/db/schema";
import { listWalletDids, walletDidsWithKeys } from "@/lib/identities/wallet-did";
import { encryptWithPassphrase } from "./passphrase";
import type { IdentitiesDocument } from "./schemas";

const iso = (value: Date) => value.toISOString();

/**
 * The holder's identities for `wallet.json` (format 2): the sign-in address (marked) and the
 * confirmed further ones, every wallet DID with its status, and — only when the holder set an
 * export passphrase — every DID's private key inside one password-based JWE. Without a
 * passphrase no key is read at all. Pending (unconfirmed) addresses are not the holder's yet
 * and are not exported.
 */
export async function planIdentitiesExport(
  db: Database,
  holderId: string,
  passphrase: string | undefined,
): Promise<IdentitiesDocument> {
  const [user] = await db
    .select({ email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, holderId));
  const others = await db
    .select({ email: holderEmails.email, confirmedAt: holderEmails.confirmedAt })
    .from(holderEmails)
    .where(eq(holderEmails.holderId, holderId))
    .orderBy(asc(holderEmails.confirmedAt), asc(holderEmails.email));
  const dids = await listWalletDids(db, holderId);
  let didKeys: string | null = null;
  if (passphrase !== undefined && dids.length > 0) {
    const keys = Object.fromEntries((await walletDidsWithKeys(db, holderId)).map((d) => [d.did, d.privateJwk]));
    didKeys = await encryptWithPassphrase(JSON.stringify(keys), passphrase);
  }
  return {
    emails: [
      ...(user ? [{ email: user.email, signIn: true, confirmedAt: user.verified ? iso(user.verified) : null }] : []),
      ...others.map((o) => ({ email: o.email, signIn: false, confirmedAt: iso(o.confirmedAt) })),
    ],
    // Oldest first, so a restored wallet exports them in the same order.
    dids: dids
      .map((d) => ({
        did: d.did,
        status: d.status,
        createdAt: iso(d.createdAt),
        retiredAt: d.retiredAt ? iso(d.retiredAt) : null,
      }))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.did < b.did ? -1 : 1)),
    didKeys,
  };
}
