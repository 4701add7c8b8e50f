import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { emailConfirmations, holderEmails, users, verificationTokens } from "@/db/schema";
import type { Database } from "@/db/client";
import { deleteHolderAccount } from "@/lib/holders/data";
import { describeEachDatabase } from "@/testkit/each-database";
import {
  ANOTHER_HOLDER_MESSAGE,
  chooseSignInEmail,
  confirmEmailAddress,
  confirmedEmailsOf,
  createEmailConfirmation,
  holderIdByConfirmedEmail,
  listEmailAddresses,
  pendingConfirmationEmail,
  removeEmailAddress,
} from "./emails-data";

const TEN_MINUTES = { maxAgeSeconds: 600 };

async function createHolder(db: Database, email: string, verified = true): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ email, emailVerified: verified ? new Date() : null })
    .returning({ id: users.id });
  return row!.id;
}

async function addConfirmed(db: Database, holderId: string, email: string): Promise<void> {
  const token = await createEmailConfirmation(db, holderId, email, TEN_MINUTES);
  await confirmEmailAddress(db, holderId, token);
}

describeEachDatabase("holder email addresses", (ctx) => {
  it("a confirmed link adds the address once: it counts for matching and sign-in, and the link is spent", async () => {
    const { db } = ctx();
    const amara = await createHolder(db, "amara@one.test");
    const token = await createEmailConfirmation(db, amara, "amara@trust.nhs.test", TEN_MINUTES);
    expect(await confirmedEmailsOf(db, amara)).toEqual(["amara@one.test"]); // unconfirmed never counts
    expect(await pendingConfirmationEmail(db, amara, token)).toBe("amara@trust.nhs.test");
    expect((await listEmailAddresses(db, amara)).pending.map((p) => p.email)).toEqual(["amara@trust.nhs.test"]);
    expect(await holderIdByConfirmedEmail(db, "amara@trust.nhs.test")).toBeNull();

    expect(await confirmEmailAddress(db, amara, token)).toBe("amara@trust.nhs.test");
    expect(await confirmedEmailsOf(db, amara)).toEqual(["amara@one.test", "amara@trust.nhs.test"]);
    expect(await holderIdByConfirmedEmail(db, "amara@trust.nhs.test")).toBe(amara);
    const listed = await listEmailAddresses(db, amara);
    expect(listed.signIn).toBe("amara@one.test");
    expect(listed.others.map((o) => o.email)).toEqual(["amara@trust.nhs.test"]);
    expect(listed.pending).toEqual([]);
    // Single use: the same link again changes nothing.
    await expect(confirmEmailAddress(db, amara, token)).rejects.toMatchObject({ code: "not_found" });
  });

  it("forged, expired and cross-account links change nothing; a link of another account is not spent", async () => {
    const { db } = ctx();
    const a = await createHolder(db, "a@links.test");
    const b = await createHolder(db, "b@links.test");
    await expect(confirmEmailAddress(db, a, "x".repeat(43))).rejects.toMatchObject({ code: "not_found" });
    const forB = await createEmailConfirmation(db, b, "b2@links.test", TEN_MINUTES);
    await expect(confirmEmailAddress(db, a, forB)).rejects.toMatchObject({ code: "not_found" });
    expect(await pendingConfirmationEmail(db, a, forB)).toBeNull();
    expect(await confirmedEmailsOf(db, a)).toEqual(["a@links.test"]);
    expect(await confirmEmailAddress(db, b, forB)).toBe("b2@links.test"); // still B's to use

    const late = await createEmailConfirmation(db, a, "late@links.test", TEN_MINUTES);
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await pendingConfirmationEmail(db, a, late, later)).toBeNull();
    await expect(confirmEmailAddress(db, a, late, later)).rejects.toMatchObject({ code: "not_found" });
    expect(await confirmedEmailsOf(db, a)).toEqual(["a@links.test"]);
  });

  it("only the newest link for an address works", async () => {
    const { db } = ctx();
    const a = await createHolder(db, "a@newest.test");
    const first = await createEmailConfirmation(db, a, "x@newest.test", TEN_MINUTES);
    const second = await createEmailConfirmation(db, a, "x@newest.test", TEN_MINUTES);
    await expect(confirmEmailAddress(db, a, first)).rejects.toMatchObject({ code: "not_found" });
    expect(await confirmEmailAddress(db, a, second)).toBe("x@newest.test");
  });

  it("refuses the holder's own address twice and another holder's address, without saying whose", async () => {
    const { db } = ctx();
    const a = await createHolder(db, "a@owned.test");
    const b = await createHolder(db, "b@owned.test");
    await addConfirmed(db, b, "b-work@owned.test");
    await expect(createEmailConfirmation(db, a, "a@owned.test", TEN_MINUTES)).rejects.toMatchObject({
      code: "conflict",
    });
    for (const taken of ["b@owned.test", "b-work@owned.test"]) {
      const refusal = createEmailConfirmation(db, a, taken, TEN_MINUTES);
      await expect(refusal).rejects.toMatchObject({ code: "conflict", message: ANOTHER_HOLDER_MESSAGE });
      await expect(refusal).rejects.not.toThrow(/b@owned/);
    }
    expect(await db.select().from(emailConfirmations).where(eq(emailConfirmations.holderId, a))).toEqual([]);
    // A link A got before B confirmed the address is refused when A uses it.
    const early = await createEmailConfirmation(db, a, "shared@owned.test", TEN_MINUTES);
    await addConfirmed(db, b, "shared@owned.test");
    await expect(confirmEmailAddress(db, a, early)).rejects.toMatchObject({ code: "conflict" });
    expect(await holderIdByConfirmedEmail(db, "shared@owned.test")).toBe(b);
  });

  it("removes a further address (and its sign-in links), never the sign-in address", async () => {
    const { db } = ctx();
    const a = await createHolder(db, "a@remove.test");
    await addConfirmed(db, a, "old@remove.test");
    await db
      .insert(verificationTokens)
      .values({ identifier: "old@remove.test", token: "t-old", expires: new Date(Date.now() + 60_000) });
    await expect(removeEmailAddress(db, a, "a@remove.test")).rejects.toMatchObject({ code: "conflict" });
    await removeEmailAddress(db, a, "old@remove.test");
    expect(await confirmedEmailsOf(db, a)).toEqual(["a@remove.test"]);
    expect(
      await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "old@remove.test")),
    ).toEqual([]);
    await expect(removeEmailAddress(db, a, "old@remove.test")).rejects.toMatchObject({ code: "not_found" });
    const b = await createHolder(db, "b@remove.test");
    await addConfirmed(db, b, "b2@remove.test");
    await expect(removeEmailAddress(db, a, "b2@remove.test")).rejects.toMatchObject({ code: "not_found" });
    expect(await holderIdByConfirmedEmail(db, "b2@remove.test")).toBe(b);
  });

  it("chooses another confirmed address for sign-in; the old one stays confirmed", async () => {
    const { db } = ctx();
    const a = await createHolder(db, "a@choose.test");
    await addConfirmed(db, a, "new@choose.test");
    await chooseSignInEmail(db, a, "new@choose.test");
    const listed = await listEmailAddresses(db, a);
    expect(listed.signIn).toBe("new@choose.test");
    expect(listed.others.map((o) => o.email)).toEqual(["a@choose.test"]);
    expect((await confirmedEmailsOf(db, a)).sort()).toEqual(["a@choose.test", "new@choose.test"]);
    const b = await createHolder(db, "b@choose.test");
    await expect(chooseSignInEmail(db, a, "b@choose.test")).rejects.toMatchObject({ code: "not_found" });
    await expect(chooseSignInEmail(db, a, "never@choose.test")).rejects.toMatchObject({ code: "not_found" });
    expect((await listEmailAddresses(db, b)).signIn).toBe("b@choose.test");
  });

  it("an unverified sign-in address does not count", async () => {
    const { db } = ctx();
    const a = await createHolder(db, "unverified@count.test", false);
    expect(await confirmedEmailsOf(db, a)).toEqual([]);
  });

  it("account deletion removes the addresses, the pending links and sign-in links to every address", async () => {
    const { db } = ctx();
    const a = await createHolder(db, "a@delete.test");
    await addConfirmed(db, a, "a2@delete.test");
    await createEmailConfirmation(db, a, "a3@delete.test", TEN_MINUTES);
    await db
      .insert(verificationTokens)
      .values({ identifier: "a2@delete.test", token: "t-a2", expires: new Date(Date.now() + 60_000) });
    expect(await deleteHolderAccount(db, a, "/nonexistent-tessera-test-dir")).toBe(true);
    expect(await db.select().from(holderEmails).where(eq(holderEmails.holderId, a))).toEqual([]);
    expect(await db.select().from(emailConfirmations).where(eq(emailConfirmations.holderId, a))).toEqual([]);
    expect(
      await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "a2@delete.test")),
    ).toEqual([]);
  });
});
