/**
 * "Add from an issuer" for a signed-in holder, on both databases, against the loopback test
 * credential issuer: the preview shows the issuer's logo only as our own PNG; consent runs the flow
 * with a key proof from the holder's wallet DID (made on first use) and the credential lands through
 * the import pipeline Verified and bound to that DID; a credential bound to someone else's key, or
 * a wrong transaction code, is refused with nothing stored.
 */
import { setGlobalConfig } from "@openid4vc/openid4vci";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { credentials, holderDids, importJobs, users } from "@/db/schema";
import { getImportJobForHolder, runImportJob } from "@/lib/import/jobs";
import { createGuardedFetch } from "@/lib/net";
import { describeEachDatabase } from "@/testkit/each-database";
import { startTestCredentialIssuer, type TestCredentialIssuer } from "@/testkit/issuance/test-credential-issuer";
import { finishIssuerSignIn, previewOffer, receiveOfferForHolder, startIssuerSignIn } from "./holder";

let issuer: TestCredentialIssuer;
let stranger: TestCredentialIssuer;

beforeAll(async () => {
  // The library refuses http:// URLs unless told otherwise; lib/net still allows only the test port.
  setGlobalConfig({ allowInsecureUrls: true });
  [issuer, stranger] = await Promise.all([
    startTestCredentialIssuer(),
    startTestCredentialIssuer({
      bindTo:
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
    }),
  ]);
});
afterAll(async () => {
  setGlobalConfig({ allowInsecureUrls: false });
  await Promise.all([issuer.close(), stranger.close()]);
});

const fetchFor = (server: { origin: string }) =>
  createGuardedFetch({ allowLoopbackPlainHttp: { port: Number(new URL(server.origin).port) } });

async function createHolder(db: Database, email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

/** Consent, then the import job the worker would run, run here; answers with its report. */
async function receive(db: Database, holderId: string, server: TestCredentialIssuer, offer: string, txCode?: string) {
  const fetch = fetchFor(server);
  const { jobId } = await receiveOfferForHolder(db, holderId, { offer, txCode }, fetch);
  await runImportJob(db, jobId, { fetch });
  return (await getImportJobForHolder(db, holderId, jobId))!.items;
}

describeEachDatabase("add from an issuer", (ctx) => {
  it("previews the offer with the issuer's logo redrawn as our own PNG", async () => {
    const preview = await previewOffer(issuer.offer({ txCode: "493817" }), fetchFor(issuer));
    expect(preview).toMatchObject({
      issuerName: "Northbridge Clinical Skills Academy",
      credentials: [{ name: "Sepsis recognition and escalation" }],
      txCode: { length: 6, numeric: true },
    });
    expect(preview.logo).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(preview).not.toHaveProperty("logoUrl");
  });

  it("lands the credential Verified and bound to the wallet DID made on first use", async () => {
    const db = ctx().db;
    const holderId = await createHolder(db, "offer-holder@example.org");
    const [report, ...more] = await receive(db, holderId, issuer, issuer.offer({ txCode: "493817" }), "493817");
    expect(more).toEqual([]);
    if (report?.outcome !== "imported") throw new Error(`not imported: ${JSON.stringify(report)}`);
    const [did] = await db.select().from(holderDids).where(eq(holderDids.holderId, holderId));
    const [row] = await db.select().from(credentials).where(eq(credentials.id, report.credentialId!));
    expect(row).toMatchObject({ holderId, format: "sd-jwt-vc", verdict: "verified" });
    expect(row!.verification!.checks.find((c) => c.id === "recipient")).toMatchObject({
      status: "passed",
      reason: expect.stringMatching(/recipient DID matches/),
    });
    expect(did!.did).toMatch(/^did:key:z6Mk/);
  });

  it("refuses a credential bound to someone else's key, and keeps nothing", async () => {
    const db = ctx().db;
    const holderId = await createHolder(db, "not-my-key@example.org");
    expect(await receive(db, holderId, stranger, stranger.offer())).toEqual([
      expect.objectContaining({ outcome: "rejected", message: expect.stringMatching(/issued to someone else's key/) }),
    ]);
    expect(await db.select().from(credentials).where(eq(credentials.holderId, holderId))).toHaveLength(0);
  });

  it("a wrong transaction code: refused in plain words before anything is stored", async () => {
    const db = ctx().db;
    const holderId = await createHolder(db, "wrong-code@example.org");
    await expect(receive(db, holderId, issuer, issuer.offer({ txCode: "493817" }), "111111")).rejects.toThrow(
      /did not accept the offer with this transaction code/,
    );
    expect(await db.select().from(importJobs).where(eq(importJobs.holderId, holderId))).toHaveLength(0);
    expect(await db.select().from(credentials).where(eq(credentials.holderId, holderId))).toHaveLength(0);
  });

  it("signing in at the issuer: the sealed request is the holder's own, state is checked, a replay is refused", async () => {
    const db = ctx().db;
    const holderId = await createHolder(db, "sign-in@example.org");
    const otherId = await createHolder(db, "someone-else@example.org");
    const fetch = fetchFor(issuer);
    const { authorizationUrl, sealed } = await startIssuerSignIn(holderId, issuer.offerWithAuthorizationCode(), {
      fetch,
      appUrl: "https://tessera.test",
    });
    expect(sealed).not.toContain(new URL(authorizationUrl).searchParams.get("state")!);
    const callback = (await globalThis.fetch(authorizationUrl, { redirect: "manual" })).headers.get("location")!;
    expect(callback).toMatch(/^https:\/\/tessera\.test\/import\/issuer-callback\?/);

    await expect(finishIssuerSignIn(db, otherId, sealed, callback, fetch)).rejects.toThrow(/not started here/);
    await expect(finishIssuerSignIn(db, holderId, undefined, callback, fetch)).rejects.toThrow(/already used/);
    const forged = new URL(callback);
    forged.searchParams.set("state", "guessed");
    await expect(finishIssuerSignIn(db, holderId, sealed, forged.href, fetch)).rejects.toThrow(/state differs/);

    const { jobId } = await finishIssuerSignIn(db, holderId, sealed, callback, fetch);
    await runImportJob(db, jobId, { fetch });
    expect((await getImportJobForHolder(db, holderId, jobId))!.items).toEqual([
      expect.objectContaining({ outcome: "imported", title: "Sepsis recognition and escalation" }),
    ]);
    await expect(finishIssuerSignIn(db, holderId, sealed, callback, fetch)).rejects.toThrow(/used already/);
    expect(await db.select().from(credentials).where(eq(credentials.holderId, otherId))).toHaveLength(0);
  });
});
