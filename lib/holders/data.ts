import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authenticators, holderEmails, users, verificationTokens } from "@/db/schema";

/** Every query here is scoped by the holder id it is given (docs/architecture.md convention 2). */

export interface HolderProfile {
  id: string;
  email: string;
  name: string | null;
  profession: string | null;
  createdAt: Date;
}

export async function getHolderProfile(db: Database, holderId: string): Promise<HolderProfile | null> {
  const row = await db.query.users.findFirst({
    columns: { id: true, email: true, name: true, profession: true, createdAt: true },
    where: eq(users.id, holderId),
  });
  return row ?? null;
}

export async function updateHolderProfile(
  db: Database,
  holderId: string,
  profile: { name: string | null; profession: string | null },
): Promise<void> {
  await db.update(users).set(profile).where(eq(users.id, holderId));
}

export interface PasskeySummary {
  credentialId: string;
  deviceType: string;
  backedUp: boolean;
}

export async function listPasskeys(db: Database, holderId: string): Promise<PasskeySummary[]> {
  const rows = await db
    .select({
      credentialId: authenticators.credentialID,
      deviceType: authenticators.credentialDeviceType,
      backedUp: authenticators.credentialBackedUp,
    })
    .from(authenticators)
    .where(eq(authenticators.userId, holderId));
  return rows;
}

export async function removePasskey(db: Database, holderId: string, credentialId: string): Promise<boolean> {
  const removed = await db
    .delete(authenticators)
    .where(and(eq(authenticators.userId, holderId), eq(authenticators.credentialID, credentialId)))
    .returning({ id: authenticators.credentialID });
  return removed.length > 0;
}

/** Where a holder's files (evidence, originals too large for a row, exports) live on disk. */
export function holderFilesFolder(dataDir: string, holderId: string): string {
  if (!/^[\w-]+$/.test(holderId)) throw new Error("Invalid holder id");
  return path.join(dataDir, "holders", holderId);
}

/**
 * Deletes the holder and everything that hangs off them. Rows go through ON DELETE CASCADE from
 * users (sessions, confirmed addresses, wallet DIDs and their encrypted keys end with them);
 * outstanding magic-link tokens for every address of theirs and their
 * folder of files go too. Returns false when there was no such holder.
 */
export async function deleteHolderAccount(db: Database, holderId: string, dataDir: string): Promise<boolean> {
  const deleted = await db.transaction(async (tx) => {
    const others = await tx
      .select({ email: holderEmails.email })
      .from(holderEmails)
      .where(eq(holderEmails.holderId, holderId));
    const [holder] = await tx.delete(users).where(eq(users.id, holderId)).returning({ email: users.email });
    if (!holder) return false;
    const addresses = [holder.email, ...others.map((row) => row.email)];
    await tx.delete(verificationTokens).where(inArray(verificationTokens.identifier, addresses));
    return true;
  });
  if (deleted) await fs.rm(holderFilesFolder(dataDir, holderId), { recursive: true, force: true });
  return deleted;
}
