import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { JWK } from "jose";
import { z } from "zod";
import type { Database } from "@/db/client";
import { holderDids } from "@/db/schema";
import { checkEmailAddress } from "@/lib/auth/email-address";
import { isDomainError } from "@/lib/errors/domain-error";
import { isInputRejected } from "@/lib/hostile-input/errors";
import { logError } from "@/lib/observability/logger";
import { parseSafeJson } from "@/lib/hostile-input/safe-json";
import { sendEmailConfirmation } from "@/lib/identities/email-confirmation";
import { ANOTHER_HOLDER_MESSAGE, listEmailAddresses } from "@/lib/identities/emails-data";
import { didControlledBy, restoreWalletDids, type WalletDidWithKey } from "@/lib/identities/wallet-did";
import { refuse } from "./errors";
import { decryptWithPassphrase } from "./passphrase";
import type { WalletArchive } from "./read-archive";
import { date, dateOrNull, type Tx } from "./restore-batches";
import type { IdentitiesRestored } from "./summary";

/**
 * Restoring the holder's identities (docs/decisions/0015, format 2). An archive is a file anyone
 * can edit, so it is never taken at its word about who someone is:
 * - A wallet DID comes back only with its private key (an export under a passphrase), and only
 *   when that key signs for the DID: holding the key is the proof. Without keys, DIDs are not
 *   restored — the holder is told so, and why.
 * - An email address comes back as a confirmation link sent to it, exactly as if the holder had
 *   added it in Settings: it counts once they open the link. An address another account has is
 *   skipped (never said whose), and so is one already theirs.
 */

const NOTHING = "Nothing was restored.";

export interface PreparedIdentities {
  emails: string[];
  /** Every DID of the archive with its key, each checked against its DID. */
  dids: WalletDidWithKey[];
  /** DIDs the archive lists without keys (no passphrase at export). */
  keyless: string[];
}

const keysSchema = z.record(z.string().max(200), z.looseObject({ kty: z.string(), crv: z.string() }));

/** Before any write: opens the key JWE with the passphrase and checks every key; refuses the whole archive otherwise. */
export async function prepareIdentities(
  archive: WalletArchive,
  passphrase: string | undefined,
): Promise<PreparedIdentities> {
  const identities = archive.wallet.identities;
  if (!identities) return { emails: [], dids: [], keyless: [] };
  const emails = identities.emails.map((e) => e.email);
  if (identities.didKeys === null) return { emails, dids: [], keyless: identities.dids.map((d) => d.did) };
  if (passphrase === undefined)
    refuse(
      `This archive's wallet keys are protected by the passphrase set when it was exported. Enter that passphrase to restore. ${NOTHING}`,
    );
  let keys: Record<string, JWK>;
  try {
    const parsed = keysSchema.safeParse(parseSafeJson(await decryptWithPassphrase(identities.didKeys, passphrase!)));
    if (!parsed.success) return refuse(`The wallet keys in this archive are not valid. ${NOTHING}`);
    keys = parsed.data as Record<string, JWK>;
  } catch (error) {
    if (isInputRejected(error)) refuse(`The wallet keys in this archive cannot be read. ${NOTHING}`);
    throw error;
  }
  const dids: WalletDidWithKey[] = [];
  for (const [index, entry] of identities.dids.entries()) {
    const jwk = keys[entry.did];
    const controlled = jwk ? await didControlledBy(jwk) : null;
    if (controlled?.did !== entry.did)
      refuse(
        `Wallet DID ${index + 1} in the archive does not come with its own key: the archive was altered. ${NOTHING}`,
      );
    dids.push({
      did: entry.did,
      status: entry.status,
      createdAt: date(entry.createdAt),
      retiredAt: dateOrNull(entry.retiredAt),
      publicKeyMultibase: controlled!.publicKeyMultibase,
      privateJwk: jwk!,
    });
  }
  return { emails, dids, keyless: [] };
}

/** Inside the restore's transaction: the DIDs proved by their keys. */
export async function writeIdentities(
  tx: Tx,
  holderId: string,
  prepared: PreparedIdentities,
): Promise<Pick<IdentitiesRestored, "dids" | "didsAnother" | "didsWithoutKey">> {
  const written = await restoreWalletDids(tx, holderId, prepared.dids);
  const keylessHere =
    prepared.keyless.length === 0
      ? []
      : await tx
          .select({ did: holderDids.did })
          .from(holderDids)
          .where(and(eq(holderDids.holderId, holderId), inArray(holderDids.did, prepared.keyless)));
  return {
    dids: written.restored,
    didsAnother: written.another,
    didsWithoutKey: prepared.keyless.length - keylessHere.length,
  };
}

/**
 * After the restore committed: a confirmation link to each archived address that is not already
 * the holder's, under the same limits as adding one in Settings.
 */
export async function offerRestoredAddresses(
  db: Database,
  holderId: string,
  emails: string[],
): Promise<Pick<IdentitiesRestored, "emailsSent" | "emailsAnother" | "emailsNotSent">> {
  const result = { emailsSent: [] as string[], emailsAnother: 0, emailsNotSent: [] as string[] };
  if (emails.length === 0) return result;
  const mine = await listEmailAddresses(db, holderId);
  const theirs = new Set([mine.signIn, ...mine.others.map((o) => o.email)]);
  for (const raw of new Set(emails)) {
    const checked = checkEmailAddress(raw);
    if (!checked.ok) {
      result.emailsNotSent.push(raw.slice(0, 100));
      continue;
    }
    if (theirs.has(checked.email)) continue;
    try {
      result.emailsSent.push(await sendEmailConfirmation(db, holderId, checked.email));
    } catch (error) {
      // The restore has committed: a link that could not go (a limit, the mail server) is said, not thrown.
      if (isDomainError(error) && error.message === ANOTHER_HOLDER_MESSAGE) result.emailsAnother += 1;
      else {
        if (!isDomainError(error))
          logError("wallet-restore", "A confirmation link for a restored address was not sent", error);
        result.emailsNotSent.push(checked.email);
      }
    }
  }
  return result;
}
