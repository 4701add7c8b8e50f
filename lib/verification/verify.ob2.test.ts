import { beforeAll, describe, expect, it } from "vitest";
import { createOb2Hosted, createOb2Signed, createRsaKey, tamper, tamperJwt, type RsaKey } from "@/test-issuer";
import { NOW, checkOf, deps, ob2HostedInput, ob2SignedInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

let rsa: RsaKey;
let other: RsaKey;
beforeAll(async () => {
  [rsa, other] = await Promise.all([createRsaKey(), createRsaKey()]);
});

describe("OB 2.0 hosted", () => {
  it("the refetched copy matches, on the issuer's origin → verified", async () => {
    const b = createOb2Hosted({ now: NOW });
    const d = deps(b.documents);
    const result = await verifyCredential(ob2HostedInput(b.assertion), d);
    expect(result.verdict).toBe("verified");
    expect(statusOf(result)).toEqual({
      proof: "passed",
      issuer: "passed",
      validity: "passed",
      status: "passed",
      recipient: "passed",
    });
    expect(d.net.calls[0]).toBe(b.assertionUrl);
  });

  it("a local copy that differs from the hosted one → proof failed", async () => {
    const b = createOb2Hosted({ now: NOW });
    const result = await verifyCredential(
      ob2HostedInput(tamper(b.assertion, "recipient.identity", "sha256$00")),
      deps(b.documents),
    );
    expect(checkOf(result, "proof")).toMatchObject({ status: "failed", details: { differs: "recipient" } });
  });

  it("HTTP 410 Gone → status failed 'revoked by the issuer'", async () => {
    const b = createOb2Hosted({ now: NOW });
    const result = await verifyCredential(ob2HostedInput(b.assertion), deps(b.documents, { gone: [b.assertionUrl] }));
    expect(checkOf(result, "status")).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/revoked this badge/),
    });
    expect(result.verdict).toBe("not-verified");
  });

  it("listed in the issuer's revocation list → status failed", async () => {
    const b = createOb2Hosted({ now: NOW, revoked: true, revocationReason: "Assessment malpractice" });
    const result = await verifyCredential(ob2HostedInput(b.assertion), deps(b.documents));
    expect(checkOf(result, "status")).toMatchObject({
      status: "failed",
      details: { revocationReason: "Assessment malpractice" },
    });
  });

  it("hosted on an origin the issuer does not control → issuer failed", async () => {
    const b = createOb2Hosted({ now: NOW, origin: "https://badges.evil.test" });
    // The attacker's assertion and badge class name the real issuer's profile.
    const realIssuer = createOb2Hosted({ now: NOW }).issuer;
    const badge = { ...b.badgeClass, issuer: realIssuer.id };
    const docs = { ...b.documents, [String(b.badgeClass.id)]: badge, [String(realIssuer.id)]: realIssuer };
    const result = await verifyCredential(ob2HostedInput(b.assertion), deps(docs));
    expect(checkOf(result, "issuer")).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/badges\.evil\.test/),
    });
  });

  it("another origin allowed by the issuer's verification.allowedOrigins → issuer passed", async () => {
    const b = createOb2Hosted({ now: NOW });
    const moved = createOb2Hosted({ now: NOW, origin: "https://cdn.issuer-badges.test" });
    const issuer = { ...b.issuer, verification: { type: "hosted", allowedOrigins: ["cdn.issuer-badges.test"] } };
    const badge = { ...moved.badgeClass, issuer: b.issuer.id };
    const docs = {
      ...moved.documents,
      [String(moved.badgeClass.id)]: badge,
      [String(b.issuer.id)]: issuer,
      [String(b.revocationList.id)]: b.revocationList,
    };
    const result = await verifyCredential(ob2HostedInput(moved.assertion), deps(docs));
    expect(checkOf(result, "issuer").status).toBe("passed");
  });

  it("issuer unreachable → proof unknown", async () => {
    const b = createOb2Hosted({ now: NOW });
    const result = await verifyCredential(ob2HostedInput(b.assertion), deps({}));
    expect(checkOf(result, "proof").status).toBe("unknown");
    expect(result.verdict).toBe("unknown");
  });

  it("expired (expires in the past) → validity failed", async () => {
    const b = createOb2Hosted({ now: NOW, validFrom: "2025-01-01T00:00:00Z", validUntil: "2026-01-01T00:00:00Z" });
    expect(checkOf(await verifyCredential(ob2HostedInput(b.assertion), deps(b.documents)), "validity").status).toBe(
      "failed",
    );
  });

  it("issued to another email → recipient failed", async () => {
    const b = createOb2Hosted({ now: NOW, recipientEmail: "someone.else@example.org" });
    expect(checkOf(await verifyCredential(ob2HostedInput(b.assertion), deps(b.documents)), "recipient").status).toBe(
      "failed",
    );
  });
});

describe("OB 2.0 signed", () => {
  it("RS256 with the issuer's CryptographicKey → verified", async () => {
    const b = await createOb2Signed(rsa, { now: NOW });
    const result = await verifyCredential(ob2SignedInput(b.jws), deps(b.documents));
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "issuer").details).toMatchObject({ keyOwner: b.issuer.id });
  });

  it("edited payload → proof failed", async () => {
    const b = await createOb2Signed(rsa, { now: NOW });
    const result = await verifyCredential(
      ob2SignedInput(tamperJwt(b.jws, "issuedOn", "2020-01-01T00:00:00Z")),
      deps(b.documents),
    );
    expect(checkOf(result, "proof").status).toBe("failed");
  });

  it("a key whose owner is someone else → issuer failed", async () => {
    const b = await createOb2Signed(rsa, { now: NOW });
    const keyUrl = String(b.cryptographicKey.id);
    const docs = { ...b.documents, [keyUrl]: { ...b.cryptographicKey, owner: "https://evil.test/issuer.json" } };
    const result = await verifyCredential(ob2SignedInput(b.jws), deps(docs));
    expect(checkOf(result, "issuer").status).toBe("failed");
    expect(result.verdict).toBe("not-verified");
  });

  it("signed by a key the issuer does not publish → proof failed", async () => {
    const b = await createOb2Signed(rsa, { now: NOW });
    const forged = await createOb2Signed(other, { now: NOW });
    // The forged token names the real issuer's key URL; its signature does not match that key.
    const result = await verifyCredential(ob2SignedInput(forged.jws), deps(b.documents));
    expect(checkOf(result, "proof").status).toBe("failed");
  });

  it("revoked in the issuer's revocation list → status failed", async () => {
    const b = await createOb2Signed(rsa, { now: NOW, revoked: true });
    expect(checkOf(await verifyCredential(ob2SignedInput(b.jws), deps(b.documents)), "status").status).toBe("failed");
  });
});
