import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { shares } from "@/db/schema";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { createShare, revokeShare } from "./data";
import { createShareGate } from "./gate";
import { mintShareToken } from "./token";
import { createShareViewLimiter } from "./view-limit";

const NOW = new Date("2026-11-23T10:00:00Z");
const SECRET = "gate-secret-gate-secret-gate-secret-0123";

/** A visitor whose socket address our HTTP server stamped (TRUSTED_PROXY_HOPS=0). */
function visitor(address: string, method = "GET") {
  return { method, headers: new Headers({ [PEER_ADDRESS_HEADER]: address }) };
}

async function answer(response: Response | null) {
  return response
    ? {
        status: response.status,
        body: await response.text(),
        cache: response.headers.get("cache-control"),
        referrer: response.headers.get("referrer-policy"),
      }
    : null;
}

describeEachDatabase("the share gate (404 / 410 / 429 before a page renders)", (ctx) => {
  it("lets a live link through and answers unknown, malformed, revoked and expired links itself (docs/threat-model.md F2, F3)", async () => {
    const db = ctx().db;
    const gate = createShareGate({
      db,
      limiter: createShareViewLimiter(db, { perMinute: 1000, secret: SECRET }, { syncMs: 0 }),
      trustedProxyHops: 0,
    });
    const holder = await createTestHolder(db, "gate@example.org");
    const id = await storeTestCredential(db, holder, { title: "Gate" });
    const live = (await createShare(db, holder, { scope: "credential", credentialId: id, expiry: 1 }, { now: NOW }))!;
    const revoked = (await createShare(db, holder, { scope: "credential", credentialId: id }, { now: NOW }))!;
    await revokeShare(db, holder, revoked.share.id, NOW);

    for (const path of [
      `/v/${live.token}`,
      `/v/${live.token}/c/${id}`,
      `/v/${live.token}/presentation.json`,
      `/v/${live.token}/c/${id}/original`,
    ]) {
      expect(await gate(visitor("203.0.113.1"), path, NOW)).toBeNull();
    }
    expect(await gate(visitor("203.0.113.1"), "/verify", NOW)).toBeNull();

    const unknown = await Promise.all(
      ["tsv_x", "not-a-token", mintShareToken(), `${live.token}A`, "%E2%80%AE"].map(async (token) =>
        answer(await gate(visitor("203.0.113.1"), `/v/${token}`, NOW)),
      ),
    );
    expect(unknown[0]).toMatchObject({
      status: 404,
      cache: expect.stringMatching(/no-store/),
      referrer: "no-referrer",
    });
    for (const other of unknown) expect(other).toEqual(unknown[0]);
    expect(unknown[0]!.body).not.toMatch(/Test Holder|Gate|gate@example/);

    const gone = await answer(await gate(visitor("203.0.113.1"), `/v/${revoked.token}/c/${id}/original`, NOW));
    expect(gone).toMatchObject({ status: 410, cache: expect.stringMatching(/no-store/) });
    expect(gone!.body).toMatch(/turned off/);
    const expired = await answer(
      await gate(visitor("203.0.113.1"), `/v/${live.token}`, new Date(NOW.getTime() + 24 * 60 * 60 * 1000)),
    );
    expect(expired).toMatchObject({ status: 410 });
    expect(expired!.body).toMatch(/expired/);
    expect(expired!.body).not.toMatch(/Test Holder|Gate/);
    // limitOnly leaves the status to the caller (the render cache's key checks it next).
    expect(await gate(visitor("203.0.113.1"), `/v/${revoked.token}`, NOW, { limitOnly: true })).toBeNull();

    // Revocation takes effect on the very next request, however many views came before.
    await db.update(shares).set({ viewCount: 200 }).where(eq(shares.id, live.share.id));
    await revokeShare(db, holder, live.share.id, NOW);
    expect((await gate(visitor("203.0.113.1"), `/v/${live.token}`, NOW))!.status).toBe(410);
  });

  it("limits each client address with the same answer for any token, and leaves others alone (docs/threat-model.md F2)", async () => {
    const db = ctx().db;
    const gate = createShareGate({
      db,
      limiter: createShareViewLimiter(db, { perMinute: 5, secret: SECRET }, { syncMs: 0 }),
      trustedProxyHops: 0,
    });
    const holder = await createTestHolder(db, "gate-limit@example.org");
    const id = await storeTestCredential(db, holder, { title: "Limited" });
    const live = (await createShare(db, holder, { scope: "credential", credentialId: id }, { now: NOW }))!;
    for (let i = 0; i < 5; i++)
      expect((await gate(visitor("198.51.100.5"), `/v/${mintShareToken()}`, NOW))!.status).toBe(404);
    const refused = await Promise.all(
      [`/v/${live.token}`, `/v/${mintShareToken()}`, "/v/garbage"].map(async (path) =>
        answer(await gate(visitor("198.51.100.5"), path, NOW)),
      ),
    );
    expect(refused[0]).toMatchObject({ status: 429 });
    for (const other of refused) expect(other).toEqual(refused[0]);
    // Images of a page are not counted, but they are still gated.
    expect(await gate(visitor("198.51.100.5"), `/v/${live.token}/c/${id}/image`, NOW)).toBeNull();
    expect((await gate(visitor("198.51.100.5"), `/v/${mintShareToken()}/c/${id}/image`, NOW))!.status).toBe(404);
    expect(await gate(visitor("198.51.100.6"), `/v/${live.token}`, NOW)).toBeNull();
    const head = await gate(visitor("198.51.100.5", "HEAD"), `/v/${live.token}`, NOW);
    expect(head!.status).toBe(429);
    expect(await head!.text()).toBe("");
  });
});
