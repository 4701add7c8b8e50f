import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { credentials } from "@/db/schema";
import type { FetchLike } from "@/lib/net";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { createShare } from "./data";
import { liveRefresh } from "./live-verify";
import { resolveShare, resolveSharedCredential } from "./resolve";

const refuseNetwork: FetchLike = async () => {
  throw new Error("no network in this test");
};

describeEachDatabase("live verification on a shared page", (ctx) => {
  it("re-checks a stale result before the page reads it, and leaves fresh and self-reported ones alone", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "live@example.org");
    const stale = await storeTestCredential(db, holder, { title: "Never Checked" });
    const fresh = await storeTestCredential(db, holder, { title: "Checked Just Now" });
    const paper = await storeTestCredential(db, holder, { title: "Paper", selfReported: true });
    const now = new Date();
    const freshResult = {
      verdict: "verified" as const,
      checks: [],
      checkedAt: now.toISOString(),
      proofFromCache: true,
    };
    await db
      .update(credentials)
      .set({ verdict: "verified", verification: freshResult, verifiedAt: now })
      .where(eq(credentials.id, fresh));
    const { token } = (await createShare(
      db,
      holder,
      { scope: "selection", credentialIds: [stale, fresh, paper] },
      { now },
    ))!;

    const before = await resolveShare(db, token, now);
    expect(before.status === "ok" && before.credentials.map((c) => c.verifiedAt === null)).toEqual([true, false, true]);

    const page = await resolveShare(db, token, now, {
      refresh: liveRefresh(db, { maxAgeMinutes: 60, fetch: refuseNetwork, now }),
    });
    expect(page.status).toBe("ok");
    if (page.status !== "ok") return;
    const [rechecked, untouched, selfReported] = page.credentials;
    expect(rechecked!.verification).not.toBeNull();
    expect(rechecked!.verifiedAt).not.toBeNull();
    // A credential with no proof is never shown as verified.
    expect(rechecked!.verdict).not.toBe("verified");
    expect(untouched!.verification).toEqual(freshResult);
    expect(selfReported!.verification).toBeNull();

    const detail = await resolveSharedCredential(db, token, stale, now, {
      refresh: liveRefresh(db, { maxAgeMinutes: 60, fetch: refuseNetwork, now }),
    });
    expect(detail.status === "ok" && detail.credential.verifiedAt).toEqual(rechecked!.verifiedAt);
  });

  it("waits at most its budget, joins a re-check already running, and shows the stored result meanwhile", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "budget@example.org");
    const id = await storeTestCredential(db, holder, { title: "Slow Issuer" });
    const now = new Date();
    const { token } = (await createShare(db, holder, { scope: "credential", credentialId: id }, { now }))!;
    let calls = 0;
    const recheck = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return false;
    };
    const options = { maxAgeMinutes: 60, fetch: refuseNetwork, now, budgetMs: 200, recheck };
    const started = performance.now();
    const pages = await Promise.all([
      resolveShare(db, token, now, { refresh: liveRefresh(db, options) }),
      resolveShare(db, token, now, { refresh: liveRefresh(db, options) }),
    ]);
    expect(performance.now() - started).toBeLessThan(1_200);
    expect(pages.map((p) => p.status)).toEqual(["ok", "ok"]);
    expect(pages[0]!.status === "ok" && pages[0]!.credentials[0]!.verification).toBeNull();
    expect(calls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
  });
});
