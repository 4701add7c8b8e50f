import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailConfirmations, holderEmails, users, verificationTokens } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * The holder's email addresses: the sign-in address (`users.email`) and the further ones they
 * confirmed. Every function is scoped by the holder id it is given (docs/architecture.md
 * convention 2); addresses arrive here already normalized by checkEmailAddress.
 */

export const ANOTHER_HOLDER_MESSAGE =
  "This address belongs to another Tessera account, so it cannot be added here. If it is yours, sign in with it to use that account.";
const INVALID_LINK_MESSAGE =
  "This confirmation link does not work: it was already used, it has expired, or it was sent for another account. Add the address again from Settings to get a new link.";

export interface EmailAddresses {
  /** Where sign-in mails and reminders go; it cannot be removed. */
  signIn: string;
  /** Confirmed further addresses, oldest first. */
  others: Array<{ email: string; confirmedAt: Date }>;
  /** Links sent and not yet used or expired. */
  pending: Array<{ email: string; expiresAt: Date }>;
}

export async function listEmailAddresses(db: Database, holderId: string, now = new Date()): Promise<EmailAddresses> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, holderId));
  if (!user) throw new DomainError("not_found", "That account was not found.");
  const others = await db
    .select({ email: holderEmails.email, confirmedAt: holderEmails.confirmedAt })
    .from(holderEmails)
    .where(eq(holderEmails.holderId, holderId))
    .orderBy(holderEmails.confirmedAt);
  const pendingRows = await db
    .select({ email: emailConfirmations.email, expiresAt: emailConfirmations.expiresAt })
    .from(emailConfirmations)
    .where(and(eq(emailConfirmations.holderId, holderId), gt(emailConfirmations.expiresAt, now)))
    .orderBy(emailConfirmations.createdAt);
  return { signIn: user.email, others, pending: pendingRows };
}

/** Every address that counts as the holder's: the sign-in one once verified, and each confirmed one. */
export async function confirmedEmailsOf(db: Database, holderId: string): Promise<string[]> {
  const [user] = await db
    .select({ email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, holderId));
  const others = await db
    .select({ email: holderEmails.email })
    .from(holderEmails)
    .where(eq(holderEmails.holderId, holderId));
  return [...(user?.verified ? [user.email] : []), ...others.map((row) => row.email)];
}

/** The holder a confirmed further address belongs to (sign-in by any address), or null. */
export async function holderIdByConfirmedEmail(db: Database, email: string): Promise<string | null> {
  const [row] = await db
    .select({ holderId: holderEmails.holderId })
    .from(holderEmails)
    .where(eq(holderEmails.email, email));
  return row?.holderId ?? null;
}

/** A database handle or an open transaction on it. */
type Queryable = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Whether another holder has this address, as sign-in or confirmed address. Never says who. */
async function ownedByAnotherHolder(db: Queryable, holderId: string, email: string): Promise<boolean> {
  const [asSignIn] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, holderId)));
  const [asOther] = await db
    .select({ id: holderEmails.id })
    .from(holderEmails)
    .where(and(eq(holderEmails.email, email), ne(holderEmails.holderId, holderId)));
  return Boolean(asSignIn ?? asOther);
}

async function alreadyTheHolders(db: Queryable, holderId: string, email: string): Promise<boolean> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, holderId));
  if (user?.email === email) return true;
  const [row] = await db
    .select({ id: holderEmails.id })
    .from(holderEmails)
    .where(and(eq(holderEmails.holderId, holderId), eq(holderEmails.email, email)));
  return Boolean(row);
}

export function hashConfirmationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Starts confirming an address: refuses one that is already the holder's or another holder's,
 * replaces any earlier link for it (only the newest works) and answers the new token, which
 * exists only in the mail (its hash is stored).
 */
export async function createEmailConfirmation(
  db: Database,
  holderId: string,
  email: string,
  { now = new Date(), maxAgeSeconds }: { now?: Date; maxAgeSeconds: number },
): Promise<string> {
  if (await alreadyTheHolders(db, holderId, email))
    throw new DomainError("conflict", "That address is already one of yours.", {
      fieldErrors: { email: ["That address is already one of yours."] },
    });
  if (await ownedByAnotherHolder(db, holderId, email))
    throw new DomainError("conflict", ANOTHER_HOLDER_MESSAGE, { fieldErrors: { email: [ANOTHER_HOLDER_MESSAGE] } });
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await tx
      .delete(emailConfirmations)
      .where(and(eq(emailConfirmations.holderId, holderId), eq(emailConfirmations.email, email)));
    await tx.insert(emailConfirmations).values({
      tokenHash: hashConfirmationToken(token),
      holderId,
      email,
      expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
    });
  });
  return token;
}

/** The address a link of the signed-in holder's would confirm, for the confirm page; null when it would not work. */
export async function pendingConfirmationEmail(
  db: Database,
  holderId: string,
  token: string,
  now = new Date(),
): Promise<string | null> {
  const [row] = await db
    .select({ email: emailConfirmations.email })
    .from(emailConfirmations)
    .where(
      and(
        eq(emailConfirmations.tokenHash, hashConfirmationToken(token)),
        eq(emailConfirmations.holderId, holderId),
        gt(emailConfirmations.expiresAt, now),
      ),
    );
  return row?.email ?? null;
}

/**
 * Spends a confirmation link for the signed-in holder and adds its address. A link of another
 * account, a used or an expired one finds nothing and changes nothing; an address another holder
 * confirmed in the meantime is refused.
 */
export async function confirmEmailAddress(
  db: Database,
  holderId: string,
  token: string,
  now = new Date(),
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(emailConfirmations)
      .where(
        and(eq(emailConfirmations.tokenHash, hashConfirmationToken(token)), eq(emailConfirmations.holderId, holderId)),
      )
      .returning({ email: emailConfirmations.email, expiresAt: emailConfirmations.expiresAt });
    if (!row || row.expiresAt <= now) throw new DomainError("not_found", INVALID_LINK_MESSAGE);
    if (await ownedByAnotherHolder(tx, holderId, row.email)) throw new DomainError("conflict", ANOTHER_HOLDER_MESSAGE);
    if (!(await alreadyTheHolders(tx, holderId, row.email)))
      await tx.insert(holderEmails).values({ holderId, email: row.email, confirmedAt: now });
    return row.email;
  });
}

/** Removes a further address (or cancels its pending link). The sign-in address stays: choose another first. */
export async function removeEmailAddress(db: Database, holderId: string, email: string): Promise<void> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, holderId));
  if (user?.email === email)
    throw new DomainError(
      "conflict",
      "This is your sign-in address, so it cannot be removed. Choose another address for sign-in first.",
    );
  const removed = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(holderEmails)
      .where(and(eq(holderEmails.holderId, holderId), eq(holderEmails.email, email)))
      .returning({ id: holderEmails.id });
    const pending = await tx
      .delete(emailConfirmations)
      .where(and(eq(emailConfirmations.holderId, holderId), eq(emailConfirmations.email, email)))
      .returning({ hash: emailConfirmations.tokenHash });
    // Sign-in links already sent to the address stop working with it.
    if (rows.length > 0) await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
    return rows.length + pending.length;
  });
  if (removed === 0) throw new DomainError("not_found", "That address is not one of yours. It may already be removed.");
}

/** Makes a confirmed further address the sign-in address; the old one stays as a confirmed address. */
export async function chooseSignInEmail(db: Database, holderId: string, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email, verified: users.emailVerified })
      .from(users)
      .where(eq(users.id, holderId));
    if (!user) throw new DomainError("not_found", "That account was not found.");
    if (user.email === email) return;
    const [chosen] = await tx
      .delete(holderEmails)
      .where(and(eq(holderEmails.holderId, holderId), eq(holderEmails.email, email)))
      .returning({ confirmedAt: holderEmails.confirmedAt });
    if (!chosen) throw new DomainError("not_found", "Only a confirmed address of yours can be your sign-in address.");
    await tx.update(users).set({ email, emailVerified: chosen.confirmedAt }).where(eq(users.id, holderId));
    if (user.verified)
      await tx.insert(holderEmails).values({ holderId, email: user.email, confirmedAt: user.verified });
  });
}
