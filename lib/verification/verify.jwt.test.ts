import { SignJWT, base64url } from "jose";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCanary, type TestServer } from "@/testkit/net/test-servers";
import {
  buildOpenBadgeCredential,
  createEd25519Issuer,
  createP256Issuer,
  createRsaKey,
  issueOpenBadgeJwt,
  tamperJwt,
  type RsaKey,
  type TestIssuer,
} from "@/test-issuer";
import { NOW, checkOf, deps, jwtInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

let victim: TestIssuer;
let attacker: TestIssuer;
let p256: TestIssuer;
let rsa: RsaKey;
let canary: TestServer;
const DID_WEB_DOC = "https://issuer.test/.well-known/did.json";
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

beforeAll(async () => {
  [victim, attacker, p256, rsa, canary] = await Promise.all([
    createEd25519Issuer(),
    createEd25519Issuer(),
    createP256Issuer(),
    createRsaKey(),
    startCanary(),
  ]);
});
afterAll(() => canary.close());

/** A VC-JWT claiming `victim` as issuer, signed by `attacker`, with the given header. */
async function forged(header: Record<string, unknown>): Promise<string> {
  const vc = buildOpenBadgeCredential(victim.did, { now: NOW });
  return new SignJWT(vc)
    .setProtectedHeader({ alg: "EdDSA", ...header })
    .setIssuer(victim.did)
    .setNotBefore(seconds(NOW))
    .sign(attacker.privateKey);
}

describe("valid VC-JWTs", () => {
  it.each([
    ["EdDSA, VC-JOSE shape", () => issueOpenBadgeJwt(victim, { now: NOW })],
    ["EdDSA, vc-claim shape", () => issueOpenBadgeJwt(victim, { now: NOW, style: "vc-claim" })],
    ["ES256 did:key", () => issueOpenBadgeJwt(p256, { now: NOW })],
  ])("%s → verified", async (_label, make) => {
    const result = await verifyCredential(jwtInput(await make()), deps());
    expect(result.verdict).toBe("verified");
    expect(statusOf(result)).toEqual({ proof: "passed", issuer: "passed", validity: "passed", recipient: "passed" });
  });

  it("RS256 with a did:web key fetched through the guarded fetcher", async () => {
    const d = deps({ [DID_WEB_DOC]: rsa.didDocument });
    const result = await verifyCredential(jwtInput(await issueOpenBadgeJwt(rsa, { now: NOW })), d);
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "issuer").details).toMatchObject({ method: "did:web", keyId: rsa.verificationMethod });
    expect(d.net.calls).toEqual([DID_WEB_DOC]);
  });

  it("did:web issuer unreachable → proof unknown, not failed", async () => {
    const result = await verifyCredential(jwtInput(await issueOpenBadgeJwt(rsa, { now: NOW })), deps());
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/could not reach the issuer/),
    });
    expect(result.verdict).toBe("unknown");
  });
});

describe("tampering", () => {
  it("an edited payload keeps the old signature → proof failed", async () => {
    const token = await issueOpenBadgeJwt(victim, { now: NOW });
    for (const [path, value] of [
      ["name", "Forged"],
      ["credentialSubject.name", "Mallory"],
      ["nbf", seconds(NOW) - 86_400],
    ] as const) {
      expect(checkOf(await verifyCredential(jwtInput(tamperJwt(token, path, value)), deps()), "proof").status).toBe(
        "failed",
      );
    }
  });

  it("signed by another did:key whose kid names it, claiming the victim → issuer failed", async () => {
    const token = await forged({ kid: attacker.verificationMethod });
    const result = await verifyCredential(jwtInput(token), deps());
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "failed" });
    expect(result.verdict).toBe("not-verified");
  });

  it("expired (exp in the past) → validity failed; the signature is still checked", async () => {
    const token = await issueOpenBadgeJwt(victim, {
      now: NOW,
      validUntil: new Date(NOW.getTime() - 3_600_000),
      validFrom: new Date(NOW.getTime() - 86_400_000),
    });
    const result = await verifyCredential(jwtInput(token), deps());
    expect(statusOf(result)).toMatchObject({ proof: "passed", validity: "failed" });
    expect(checkOf(result, "validity").reason).toMatch(/expired/);
  });
});

describe("docs/threat-model.md E8: JWT abuse never verifies, zero canary connections", () => {
  it("alg: none → proof failed", async () => {
    const claims = { ...buildOpenBadgeCredential(victim.did, { now: NOW }), iss: victim.did, nbf: seconds(NOW) };
    const token = `${base64url.encode(JSON.stringify({ alg: "none" }))}.${base64url.encode(JSON.stringify(claims))}.`;
    const result = await verifyCredential(jwtInput(token), deps());
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/algorithm Tessera does not accept \(none\)/),
    });
  });

  it("HS256 signed with the issuer's public key as the HMAC secret → proof failed", async () => {
    const header = base64url.encode(JSON.stringify({ alg: "HS256", kid: victim.verificationMethod }));
    const payload = base64url.encode(
      JSON.stringify({ ...buildOpenBadgeCredential(victim.did, { now: NOW }), iss: victim.did }),
    );
    const secret = Buffer.from(JSON.stringify(victim.publicJwk));
    const token = `${header}.${payload}.${createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url")}`;
    expect(checkOf(await verifyCredential(jwtInput(token), deps()), "proof").status).toBe("failed");
  });

  it("jku / x5u pointing at a canary are never fetched; the forged signature fails", async () => {
    const d = deps();
    const token = await forged({ jku: `${canary.origin}/jwks.json`, x5u: `${canary.origin}/cert.pem` });
    const result = await verifyCredential(jwtInput(token), d);
    expect(checkOf(result, "proof")).toMatchObject({ status: "failed", details: { ignoredHeaderKeys: "jku, x5u" } });
    expect(canary.connections()).toBe(0);
    expect(d.net.calls).toEqual([]);
  });

  it("an embedded jwk with the attacker's key for a victim issuer → proof failed", async () => {
    const token = await forged({ jwk: attacker.publicJwk });
    const result = await verifyCredential(jwtInput(token), deps());
    expect(checkOf(result, "proof")).toMatchObject({ status: "failed", details: { ignoredHeaderKeys: "jwk" } });
    expect(result.verdict).toBe("not-verified");
  });

  it('kid "../../x" is not resolved; the issuer DID\'s own key is used → proof failed', async () => {
    const d = deps();
    const result = await verifyCredential(jwtInput(await forged({ kid: "../../x" })), d);
    expect(checkOf(result, "proof").status).toBe("failed");
    expect(d.net.calls).toEqual([]);
  });

  it("a kid naming a did:web on the attacker's host is fetched only through the guarded fetcher", async () => {
    const d = deps();
    const result = await verifyCredential(
      jwtInput(await forged({ kid: "did:web:127.0.0.1%3A" + canary.port + "#k" })),
      d,
    );
    expect(result.verdict).not.toBe("verified");
    expect(canary.connections()).toBe(0);
  });
});
