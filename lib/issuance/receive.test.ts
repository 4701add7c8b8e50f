/**
 * "Add from an issuer" against a test credential issuer built on the issuer side of the OpenID4VCI
 * library (testkit/issuance/test-credential-issuer.ts), on a loopback port reached only through the
 * guarded fetcher's test allowance: offers by value and by reference, the issuer's name and logo,
 * the transaction code, a reused code, and the credential landing Verified through the import
 * pipeline, bound to the holder's DID. Bad offers are refused with a message and no request goes
 * to a private address (canary).
 */
import { setGlobalConfig } from "@openid4vc/openid4vci";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGuardedFetch } from "@/lib/net";
import { prepareCandidates } from "@/lib/import/pipeline";
import { verifyCredential } from "@/lib/verification";
import { createEd25519Issuer } from "@/test-issuer";
import { startTestCredentialIssuer, type TestCredentialIssuer } from "@/testkit/issuance/test-credential-issuer";
import { startCanary, type TestServer } from "@/testkit/net/test-servers";
import type { HolderKey } from "./client";
import { resolveOffer } from "./offer";
import { receiveOffer } from "./receive";

let issuer: TestCredentialIssuer;
let canary: TestServer;
let holder: HolderKey & { did: string };

beforeAll(async () => {
  // The library refuses http:// URLs unless told otherwise; lib/net still allows only the test port.
  setGlobalConfig({ allowInsecureUrls: true });
  [issuer, canary] = await Promise.all([startTestCredentialIssuer(), startCanary()]);
  const key = await createEd25519Issuer();
  const signer = key.keyPair.signer();
  holder = {
    did: key.did,
    didUrl: key.verificationMethod,
    alg: "EdDSA",
    publicJwk: key.publicJwk as HolderKey["publicJwk"],
    sign: async (data) => new Uint8Array(await signer.sign({ data })),
  };
});
afterAll(async () => {
  setGlobalConfig({ allowInsecureUrls: false });
  await Promise.all([issuer.close(), canary.close()]);
});
afterEach(() => expect(canary.connections()).toBe(0));

const fetchFor = (server: { origin: string }) =>
  createGuardedFetch({ allowLoopbackPlainHttp: { port: Number(new URL(server.origin).port) } });

describe("resolving an offer", () => {
  it("by value: shows the issuer's name, logo, the credential and the transaction code it asks for", async () => {
    const { preview } = await resolveOffer(issuer.offer({ txCode: "493817" }), fetchFor(issuer));
    expect(preview).toEqual({
      credentialIssuer: issuer.origin,
      issuerName: "Northbridge Clinical Skills Academy",
      logoUrl: `${issuer.origin}/logo.png`,
      credentials: [{ id: "micro-credential-sd-jwt", name: "Sepsis recognition and escalation", format: "dc+sd-jwt" }],
      grant: "pre-authorized_code",
      txCode: { length: 6, numeric: true, description: "Sent to you by email" },
    });
  });

  it("by reference: the offer is fetched from the issuer", async () => {
    const { preview } = await resolveOffer(issuer.offerByReference(), fetchFor(issuer));
    expect(preview.issuerName).toBe("Northbridge Clinical Skills Academy");
    expect(issuer.requests.some((r) => r.startsWith("/offers/"))).toBe(true);
  });

  it("an https link carrying the offer works like the offer itself", async () => {
    const link = issuer.offer().replace("openid-credential-offer://", "https://wallet.example/receive");
    const { preview } = await resolveOffer(link, fetchFor(issuer));
    expect(preview.credentials).toHaveLength(1);
  });
});

describe("refusing bad offers", () => {
  const refusal = (text: string, fetch = fetchFor(issuer)) =>
    resolveOffer(text, fetch).then(
      () => expect.fail("expected a refusal"),
      (error: Error) => error.message,
    );
  const byValue = (offer: unknown) =>
    `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;

  it("not an offer at all", async () => {
    expect(await refusal("hello")).toMatch(/^This is not a credential offer/);
    expect(await refusal("https://example.org/page")).toBe("This link does not contain a credential offer.");
  });

  it("an issuer on a private address or plain http: refused by lib/net, nothing sent", async () => {
    const text = byValue({
      credential_issuer: `http://127.0.0.1:${canary.port}`,
      credential_configuration_ids: ["x"],
      grants: {},
    });
    expect(await refusal(text, createGuardedFetch())).toMatch(/^Tessera could not get what it needs from the issuer: /);
    const byRef = `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`https://10.0.0.7/offer`)}`;
    expect(await refusal(byRef, createGuardedFetch())).toBe(
      "Tessera could not get what it needs from the issuer: That address points inside a private network, so Tessera will not fetch it.",
    );
  });

  it("metadata naming another credential_issuer than the offer's", async () => {
    const liar = await startTestCredentialIssuer({ wrongCredentialIssuer: "https://someone-else.example" });
    try {
      expect(await refusal(liar.offer(), fetchFor(liar))).toMatch(/not for the issuer named in the offer/);
    } finally {
      await liar.close();
    }
  });

  it("an issuer describing 1,000 kinds of credential", async () => {
    const padded = await startTestCredentialIssuer({ extraConfigurations: 1_000 });
    try {
      expect(await refusal(padded.offer(), fetchFor(padded))).toMatch(/more than 100 kinds of credential/);
    } finally {
      await padded.close();
    }
  });

  it("an offer naming 1,000 credentials", async () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `c${i}`);
    expect(await refusal(issuer.offer({ configurationIds: ids }))).toMatch(
      /^This offer names 1000 credentials at once/,
    );
  });
});

describe("receiving", () => {
  it("pre-authorized code with a transaction code: the credential lands Verified, bound to the holder's DID", async () => {
    const fetch = fetchFor(issuer);
    const items = await receiveOffer(issuer.offer({ txCode: "493817" }), { txCode: "493817", holder, fetch });
    expect(items).toHaveLength(1);
    const documents = new Map(Object.entries(issuer.documents).map(([u, d]) => [u, JSON.stringify(d)]));
    const verifyFetch = createGuardedFetch({
      documents,
      allowLoopbackPlainHttp: { port: Number(new URL(issuer.origin).port) },
    });
    const prepared = await prepareCandidates(items[0]!, { fetch: verifyFetch });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.candidate.interpreted.record).toMatchObject({
      format: "sd-jwt-vc",
      title: "Sepsis recognition and escalation",
    });
    const result = await verifyCredential(prepared.candidate.interpreted, {
      fetch: verifyFetch,
      now: () => new Date(),
      holder: { emails: [], dids: [holder.did] },
    });
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ["proof", "passed"],
      ["issuer", "passed"],
      ["validity", "passed"],
      ["recipient", "passed"],
    ]);
    expect(issuer.requests).toEqual(expect.arrayContaining(["/token", "/nonce", "/credential"]));
  });

  it("a wrong transaction code, a missing one, and a reused offer are refused", async () => {
    const fetch = fetchFor(issuer);
    const offer = issuer.offer({ txCode: "493817" });
    await expect(receiveOffer(offer, { holder, fetch })).rejects.toThrow(/asks for a transaction code/);
    await expect(receiveOffer(offer, { txCode: "000000", holder, fetch })).rejects.toThrow(
      /did not accept the offer with this transaction code/,
    );
    const once = issuer.offer();
    await receiveOffer(once, { holder, fetch });
    await expect(receiveOffer(once, { holder, fetch })).rejects.toThrow(/may have been used already/);
  });
});
