/**
 * The authorization code grant with PKCE and `state` against the loopback test issuer's
 * authorization server (discovered from its metadata): the holder's browser is played here by a
 * plain fetch that follows the issuer's redirect back. A wrong `state` and a replayed callback are
 * refused in plain words.
 */
import { setGlobalConfig } from "@openid4vc/openid4vci";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedFetch } from "@/lib/net";
import { createEd25519Issuer } from "@/test-issuer";
import { startTestCredentialIssuer, type TestCredentialIssuer } from "@/testkit/issuance/test-credential-issuer";
import { finishAuthorization, startAuthorization } from "./authorization";
import type { HolderKey } from "./client";

let issuer: TestCredentialIssuer;
let holder: HolderKey;
const REDIRECT = "https://tessera.test/import/issuer-callback";

beforeAll(async () => {
  setGlobalConfig({ allowInsecureUrls: true });
  issuer = await startTestCredentialIssuer();
  const key = await createEd25519Issuer();
  const signer = key.keyPair.signer();
  holder = {
    didUrl: key.verificationMethod,
    alg: "EdDSA",
    publicJwk: key.publicJwk as HolderKey["publicJwk"],
    sign: async (data) => new Uint8Array(await signer.sign({ data })),
  };
});
afterAll(async () => {
  setGlobalConfig({ allowInsecureUrls: false });
  await issuer.close();
});

const fetch = () => createGuardedFetch({ allowLoopbackPlainHttp: { port: Number(new URL(issuer.origin).port) } });

/** The holder's browser: opens the sign-in page; the issuer answers with a redirect back to Tessera. */
async function signIn(url: string): Promise<string> {
  const response = await globalThis.fetch(url, { redirect: "manual" });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

const start = (state = "state-0123456789abcdef") =>
  startAuthorization(issuer.offerWithAuthorizationCode(), {
    fetch: fetch(),
    redirectUri: REDIRECT,
    clientId: "https://tessera.test",
    state,
  });

describe("authorization code flow", () => {
  it("asks with PKCE (S256) and state at the discovered authorization endpoint, then receives the credential", async () => {
    const { authorizationUrl, pending } = await start();
    const asked = new URL(authorizationUrl);
    expect(asked.origin + asked.pathname).toBe(`${issuer.origin}/authorize`);
    expect(asked.searchParams.get("code_challenge_method")).toBe("S256");
    expect(asked.searchParams.get("state")).toBe("state-0123456789abcdef");
    expect(asked.searchParams.get("redirect_uri")).toBe(REDIRECT);
    expect(JSON.stringify(asked.searchParams.toString())).not.toContain(pending.codeVerifier);
    const callback = await signIn(authorizationUrl);
    expect(callback.startsWith(`${REDIRECT}?`)).toBe(true);
    const items = await finishAuthorization(pending, callback, { fetch: fetch(), holder });
    expect(items).toHaveLength(1);
    expect(new TextDecoder().decode(items[0]!.bytes)).toMatch(/^eyJ/);
  });

  it("refuses a callback with another state, and the same callback a second time", async () => {
    const { authorizationUrl, pending } = await start();
    const callback = await signIn(authorizationUrl);
    const forged = new URL(callback);
    forged.searchParams.set("state", "attacker-state");
    await expect(finishAuthorization(pending, forged.href, { fetch: fetch(), holder })).rejects.toThrow(
      /does not belong to the request Tessera sent/,
    );
    await finishAuthorization(pending, callback, { fetch: fetch(), holder });
    await expect(finishAuthorization(pending, callback, { fetch: fetch(), holder })).rejects.toThrow(
      /did not accept the sign-in: it may have been used already/,
    );
  });

  it("a pre-authorized offer is not started as a sign-in, and a sign-in offer is not received without one", async () => {
    await expect(
      startAuthorization(issuer.offer(), { fetch: fetch(), redirectUri: REDIRECT, clientId: "x", state: "s" }),
    ).rejects.toThrow(/does not need a sign-in/);
    const { receiveOffer } = await import("./receive");
    await expect(receiveOffer(issuer.offerWithAuthorizationCode(), { holder, fetch: fetch() })).rejects.toThrow(
      /asks you to sign in with it first/,
    );
  });
});
