import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { createTestHolder } from "@/testkit/wallet/test-credentials";
import { restoreWallet } from "./restore";
import { email, richWallet } from "@/testkit/wallet-archive/rich-wallet";
import { exportBytes } from "@/testkit/wallet-archive/archive-bytes";

/** A restore only fills an empty wallet: a second restore, or two at once, change nothing (docs/decisions/0015). */

describeEachDatabase("wallet export and restore (docs/threat-model.md G3): an empty wallet only", (ctx) => {
  it("refuses to restore into a wallet that is not empty, and restoring twice changes nothing the second time", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const { bytes } = await exportBytes(db, holderId);
    const target = await createTestHolder(db, email("twice"));
    await restoreWallet(db, target, bytes);
    const before = await holderSnapshot(db, target);
    await expect(restoreWallet(db, target, bytes)).rejects.toThrow(/already holds 7 credentials/);
    expect(await holderSnapshot(db, target)).toEqual(before);
    const ownerBefore = await holderSnapshot(db, holderId);
    await expect(restoreWallet(db, holderId, bytes)).rejects.toThrow(/already holds/);
    expect(await holderSnapshot(db, holderId)).toEqual(ownerBefore);
  });

  it("two restores into one empty account at once: one succeeds, the other is refused", async () => {
    const db = ctx().db;
    const { holderId } = await richWallet(db);
    const { bytes } = await exportBytes(db, holderId);
    const target = await createTestHolder(db, email("race"));
    const results = await Promise.allSettled([restoreWallet(db, target, bytes), restoreWallet(db, target, bytes)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.$count(credentials, eq(credentials.holderId, target))).toBe(7);
  });
});
