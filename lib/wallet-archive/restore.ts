import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { checkArchiveReferences, type CheckedArchive } from "./check-references";
import { refuse } from "./errors";
import { RESTORE_LIMITS, type RestoreLimits } from "./format";
import { readWalletArchive, type WalletArchive } from "./read-archive";
import type { Tx } from "./restore-batches";
import { resolveCatalogProfiles, writeCpd } from "./restore-cpd";
import { writeCredentials } from "./restore-credentials";
import { refuseUnlessEmpty } from "./restore-empty-wallet";
import {
  offerRestoredAddresses,
  prepareIdentities,
  writeIdentities,
  type PreparedIdentities,
} from "./restore-identities";
import { writeOrganisation } from "./restore-organisation";
import { NO_IDENTITIES, type RestoreSummary } from "./summary";

export type { RestoreSummary } from "./summary";

/**
 * Restores a wallet archive into the holder's wallet: all or nothing, in one transaction, and only
 * into an empty wallet (no credentials, collections, goals, share links, CPD profiles or cycles;
 * reminder settings alone do not count): restoring the same archive twice, or over a wallet in
 * use, is refused with a reason rather than merged (docs/decisions/0015). The archive is fully
 * checked before the first write; catalog CPD profiles its cycles name are resolved before it too.
 */
export async function restoreWallet(
  db: Database,
  holderId: string,
  bytes: Uint8Array,
  {
    limits = RESTORE_LIMITS,
    now = new Date(),
    passphrase,
  }: {
    limits?: RestoreLimits;
    now?: Date;
    /** The export passphrase, for an archive that carries DID keys. */ passphrase?: string;
  } = {},
): Promise<RestoreSummary> {
  const archive = await readWalletArchive(bytes, limits);
  const checked = checkArchiveReferences(archive);
  refuseFutureChecks(archive, now);
  const identities = await prepareIdentities(archive, passphrase);
  const summary = await db.transaction(async (tx) => {
    // Two restores into one account at once: the second waits, then finds the wallet full.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tessera-restore:${holderId}`}))`);
    // The lock createCycle takes for its overlap check: a cycle started meanwhile waits for us.
    if ((archive.wallet.cpd?.cycles.length ?? 0) > 0)
      await tx.select({ id: users.id }).from(users).where(eq(users.id, holderId)).for("update");
    await refuseUnlessEmpty(tx, holderId);
    const catalogProfiles = await resolveCatalogProfiles(tx, archive);
    return writeArchive(tx, holderId, archive, checked, catalogProfiles, identities);
  });
  // Mail goes out only once everything is written: a refused restore sends nothing.
  const offered = await offerRestoredAddresses(db, holderId, identities.emails);
  return { ...summary, identities: { ...summary.identities, ...offered } };
}

/**
 * A stored check younger than VERIFY_MAX_AGE_MINUTES is shown without re-checking, so a check dated
 * in the future would be shown forever: an edited archive could keep a forged "Verified" alive.
 */
function refuseFutureChecks({ credentials: lines }: WalletArchive, now: Date): void {
  const latest = now.getTime() + 5 * 60_000;
  for (const [index, line] of lines.entries()) {
    const dates = [line.verifiedAt, line.verification?.checkedAt].filter((d): d is string => typeof d === "string");
    if (dates.some((d) => !(new Date(d).getTime() <= latest))) {
      refuse(
        `Credential ${index + 1} in the archive has a verification dated in the future, which Tessera never writes. Nothing was restored.`,
      );
    }
  }
}

/** Credentials first (everything else names them by key), then how they are organised, then CPD. */
async function writeArchive(
  tx: Tx,
  holderId: string,
  archive: WalletArchive,
  checked: CheckedArchive,
  catalogProfiles: Map<string, string>,
  identities: PreparedIdentities,
): Promise<RestoreSummary> {
  const { credentials: lines, wallet } = archive;
  const id = await writeCredentials(tx, holderId, archive);
  const { follows } = await writeOrganisation(tx, holderId, wallet, id);
  const cpd = await writeCpd(tx, holderId, wallet, checked.cpdProfiles, catalogProfiles, id);
  const dids = await writeIdentities(tx, holderId, identities);

  return {
    credentials: lines.length,
    originals: wallet.originals.length,
    evidence: wallet.evidence.length,
    images: wallet.images.length,
    collections: wallet.collections.length,
    goals: wallet.goals.length,
    follows,
    followsSkipped: wallet.follows.length - follows,
    shares: wallet.shares.length,
    ...cpd,
    identities: { ...NO_IDENTITIES, ...dids },
  };
}
