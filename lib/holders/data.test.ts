import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { accounts, authenticators, credentials, sessions, users, verificationTokens } from "@/db/schema";
import { DEMO_HOLDER, seedDemo } from "@/db/seed";
import { listCycleViews } from "@/lib/cpd/cycles-data";
import { walletSummary } from "@/lib/wallet/list";
import { describeEachDatabase } from "@/testkit/each-database";
import type { Database } from "@/db/client";
import {
  deleteHolderAccount,
  getHolderProfile,
  holderFilesFolder,
  listPasskeys,
  removePasskey,
  updateHolderProfile,
} from "./data";

async function createHolder(db: Database, email: string) {
  const [row] = await db
    .insert(users)
    .values({ email, name: email.split("@")[0] })
    .returning({ id: users.id });
  const id = row!.id;
  await db.insert(sessions).values({ sessionToken: `s-${id}`, userId: id, expires: new Date(Date.now() + 86_400_000) });
  await db.insert(accounts).values({ userId: id, type: "email", provider: "email", providerAccountId: email });
  await db.insert(authenticators).values({
    credentialID: `cred-${id}`,
    userId: id,
    providerAccountId: `cred-${id}`,
    credentialPublicKey: "pk",
    counter: 0,
    credentialDeviceType: "singleDevice",
    credentialBackedUp: false,
  });
  await db
    .insert(verificationTokens)
    .values({ identifier: email, token: `t-${id}`, expires: new Date(Date.now() + 600_000) });
  return id;
}

async function rowsFor(db: Database, id: string, email: string) {
  const count = async (query: Promise<unknown[]>) => (await query).length;
  return {
    users: await count(db.select().from(users).where(eq(users.id, id))),
    sessions: await count(db.select().from(sessions).where(eq(sessions.userId, id))),
    accounts: await count(db.select().from(accounts).where(eq(accounts.userId, id))),
    authenticators: await count(db.select().from(authenticators).where(eq(authenticators.userId, id))),
    tokens: await count(db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email))),
  };
}

describeEachDatabase("holder data layer", (ctx) => {
  it("applies the migrations with real primary keys on the Auth.js tables", async () => {
    const { rows } = await ctx().db.execute(
      sql`select table_name from information_schema.table_constraints where constraint_type = 'PRIMARY KEY' and table_schema = 'public' order by table_name`,
    );
    const names = rows.map((r) => (r as { table_name: string }).table_name);
    for (const table of ["accounts", "authenticators", "sessions", "users", "verification_tokens", "rate_limits"])
      expect(names).toContain(table);
  });

  it("seeds the demo holder and the demo wallet once, however often it runs", async () => {
    const first = await seedDemo(ctx().db, { withCredentials: true });
    const second = await seedDemo(ctx().db, { withCredentials: true });
    expect(first.credentials).toBe(14);
    expect(first.renewalCycle).toBe(true);
    expect(second).toEqual({ holderId: first.holderId, created: false, credentials: 0, renewalCycle: false });
    // The demo nurse opens Renewal on an NMC cycle her demo credentials already count toward.
    const [cycle] = await listCycleViews(ctx().db, first.holderId, new Date());
    expect(cycle?.profile.name).toMatch(/NMC/);
    expect(cycle?.progress.counted.length).toBeGreaterThan(0);
    const hours = cycle!.progress.rules.find((r) => r.rule.kind === "total-hours");
    expect(hours?.met).toBe(true);
    expect(cycle!.progress.rules.find((r) => r.rule.kind === "participatory-hours")?.met).toBe(false);
    const rows = await ctx()
      .db.select({ title: credentials.title, verdict: credentials.verdict, hours: credentials.hours })
      .from(credentials)
      .where(eq(credentials.holderId, first.holderId));
    expect(rows.length).toBe(17); // the CLR brings its own three credentials
    // Verified, except what the demo shows on purpose: revoked, expired, issued to an address she
    // has not added, and her own paper certificate (never checked).
    const unverified = rows.filter((r) => r.verdict !== "verified").map((r) => [r.title, r.verdict]);
    expect(unverified.sort()).toEqual([
      ["Arterial Blood Gas Interpretation", "not-verified"],
      ["Immediate Life Support (ILS)", null],
      ["Moving and Handling of Patients", "not-verified"],
      ["NEWS2 Observations Refresher", "not-verified"],
    ]);
    // Hours stated in the credentials' own fields (the two European Digital Credentials) count.
    const summary = await walletSummary(ctx().db, first.holderId);
    expect(summary.hours).toBeGreaterThanOrEqual(60);
    expect(summary.ects).toBe(2);
    expect(await getHolderProfile(ctx().db, first.holderId)).toMatchObject({
      email: DEMO_HOLDER.email,
      name: DEMO_HOLDER.name,
    });
  }, 60_000);

  it("updates only the given holder's profile", async () => {
    const a = await createHolder(ctx().db, "profile-a@example.org");
    const b = await createHolder(ctx().db, "profile-b@example.org");
    await updateHolderProfile(ctx().db, a, { name: "Amara", profession: "Paramedic" });
    expect(await getHolderProfile(ctx().db, a)).toMatchObject({ name: "Amara", profession: "Paramedic" });
    expect(await getHolderProfile(ctx().db, b)).toMatchObject({ name: "profile-b", profession: null });
  });

  it("never removes another holder's passkey", async () => {
    const a = await createHolder(ctx().db, "keys-a@example.org");
    const b = await createHolder(ctx().db, "keys-b@example.org");
    expect(await removePasskey(ctx().db, b, `cred-${a}`)).toBe(false);
    expect(await listPasskeys(ctx().db, a)).toHaveLength(1);
    expect(await removePasskey(ctx().db, a, `cred-${a}`)).toBe(true);
    expect(await listPasskeys(ctx().db, a)).toHaveLength(0);
  });

  it("deletes every row and file of a holder and nothing of anyone else", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-"));
    const gone = await createHolder(ctx().db, "leaving@example.org");
    const stays = await createHolder(ctx().db, "staying@example.org");
    for (const id of [gone, stays]) {
      fs.mkdirSync(holderFilesFolder(dataDir, id), { recursive: true });
      fs.writeFileSync(path.join(holderFilesFolder(dataDir, id), "evidence.pdf"), "%PDF-1.7");
    }
    expect(await deleteHolderAccount(ctx().db, gone, dataDir)).toBe(true);
    expect(await rowsFor(ctx().db, gone, "leaving@example.org")).toEqual({
      users: 0,
      sessions: 0,
      accounts: 0,
      authenticators: 0,
      tokens: 0,
    });
    expect(fs.existsSync(holderFilesFolder(dataDir, gone))).toBe(false);
    expect(await rowsFor(ctx().db, stays, "staying@example.org")).toEqual({
      users: 1,
      sessions: 1,
      accounts: 1,
      authenticators: 1,
      tokens: 1,
    });
    expect(fs.existsSync(holderFilesFolder(dataDir, stays))).toBe(true);
    expect(await deleteHolderAccount(ctx().db, gone, dataDir)).toBe(false);
  });

  it("refuses a holder id that could escape the files folder", () => {
    expect(() => holderFilesFolder("/data", "../etc")).toThrow();
  });
});
