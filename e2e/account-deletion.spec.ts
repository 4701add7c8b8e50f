import { eq, or } from "drizzle-orm";
import { accounts, authenticators, sessions, users, verificationTokens } from "../db/schema";
import { dbQuery } from "./support/db";
import { ORIGIN } from "./support/env";
import { expect, test } from "./support/fixtures";
import {
  confirmMagicLink,
  expectSentToSignIn,
  requestMagicLink,
  sessionCookie,
  settle,
  signInByMagicLink,
  uniqueEmail,
} from "./support/flows";

/** Every Auth.js row that names the holder, by id or by address. */
async function rowsFor(holderId: string, email: string) {
  return dbQuery(async (db) => ({
    users: await db
      .select({ id: users.id })
      .from(users)
      .where(or(eq(users.id, holderId), eq(users.email, email))),
    sessions: await db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.userId, holderId)),
    accounts: await db
      .select({ userId: accounts.userId })
      .from(accounts)
      .where(or(eq(accounts.userId, holderId), eq(accounts.providerAccountId, email))),
    authenticators: await db
      .select({ userId: authenticators.userId })
      .from(authenticators)
      .where(eq(authenticators.userId, holderId)),
    verificationTokens: await db
      .select({ identifier: verificationTokens.identifier })
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, email)),
  }));
}

test("a holder deletes their account and every trace of it in the database", async ({ page, context, newContext }) => {
  test.slow(); // two browsers, two mails and several database checks
  const email = uniqueEmail("delete");
  await signInByMagicLink(page, email);
  const cookie = await sessionCookie(context);
  expect(cookie).toBeDefined();

  // An unused sign-in link is outstanding when the account goes; it must go with it.
  const otherDevice = await (await newContext()).newPage();
  const pending = await requestMagicLink(otherDevice, email);
  await settle(otherDevice);

  await page.goto("/settings");
  await settle(page);
  const [holder] = await dbQuery((db) => db.select({ id: users.id }).from(users).where(eq(users.email, email)));
  expect(holder).toBeDefined();
  const before = await rowsFor(holder!.id, email);
  expect(before.users).toHaveLength(1);
  expect(before.sessions.length).toBeGreaterThan(0);
  expect(before.verificationTokens).toHaveLength(1);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete my account…" }).click();
  const confirmation = page.getByLabel(`Type ${email} to confirm`);
  await confirmation.fill("someone-else@e2e.tessera.test");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(confirmation).toHaveAccessibleDescription("Type your email address exactly to confirm.");
  await expect(page).toHaveURL(`${ORIGIN}/settings`);

  await confirmation.fill(email);
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/account-deleted`);
  await expect(page.getByRole("heading", { name: "Your account was deleted" })).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined();

  await settle(page);
  expect(await rowsFor(holder!.id, email)).toEqual({
    users: [],
    sessions: [],
    accounts: [],
    authenticators: [],
    verificationTokens: [],
  });

  // The old cookie is dead, and the outstanding link no longer signs anyone in.
  const replay = await newContext();
  await replay.addCookies([cookie!]);
  const replayPage = await replay.newPage();
  await replayPage.goto("/wallet");
  await expectSentToSignIn(replayPage, "/wallet", { staleCookie: true });

  await confirmMagicLink(otherDevice, pending.magicLink!);
  await expect(otherDevice).toHaveURL(`${ORIGIN}/sign-in/error?error=Verification`);
  await settle(replayPage);
  await settle(otherDevice);
  expect((await rowsFor(holder!.id, email)).users).toEqual([]);
});
