import { compactVerify, decodeProtectedHeader, errors, importSPKI } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { saltedSha256 } from "./defaults";
import { createRsaKey, type RsaKey } from "./keys";
import { createOb2Hosted, createOb2Signed, OB2_CONTEXT } from "./ob2";
import { tamperJwt } from "./tamper";

let rsa: RsaKey;

beforeAll(async () => {
  rsa = await createRsaKey();
});

describe("OB 2.0 hosted", () => {
  it("serves Assertion, BadgeClass, Issuer and RevocationList from one origin", () => {
    const bundle = createOb2Hosted({
      now: "2026-03-02T09:00:00Z",
      recipientEmail: "nurse@example.org",
      salt: "pepper",
    });
    const { assertion, badgeClass, issuer, revocationList, documents } = bundle;
    expect(assertion).toMatchObject({
      "@context": OB2_CONTEXT,
      type: "Assertion",
      badge: badgeClass.id,
      verification: { type: "hosted" },
      issuedOn: "2026-03-02T09:00:00Z",
      recipient: { type: "email", hashed: true, salt: "pepper", identity: saltedSha256("nurse@example.org", "pepper") },
    });
    expect(badgeClass).toMatchObject({
      type: "BadgeClass",
      issuer: issuer.id,
      name: "ICD-11 Clinical Coding Fundamentals",
    });
    expect(issuer).toMatchObject({ type: "Issuer", revocationList: revocationList.id });
    expect(issuer).not.toHaveProperty("publicKey");
    for (const doc of [assertion, badgeClass, issuer, revocationList]) {
      expect(documents[String(doc.id)]).toEqual(doc);
      expect(new URL(String(doc.id)).origin).toBe("https://issuer.test");
    }
    expect(bundle.assertionUrl).toBe(assertion.id);
    expect(revocationList.revokedAssertions).toEqual([]);
  });

  it("uses the OB 2.0 hash format (spec test vector)", () => {
    expect(saltedSha256("nobody@example.org", "deadsea")).toBe(
      "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
    );
  });

  it("plain email recipient, custom origin and a revoked assertion", () => {
    const { assertion, revocationList } = createOb2Hosted({
      hashed: false,
      recipientEmail: "a@example.org",
      origin: "https://badges.example",
      revoked: true,
    });
    expect(assertion.recipient).toEqual({ type: "email", hashed: false, identity: "a@example.org" });
    expect(String(assertion.id)).toMatch(/^https:\/\/badges\.example\/assertions\//);
    expect(revocationList.revokedAssertions).toEqual([{ id: assertion.id, revocationReason: "Issued in error" }]);
  });
});

describe("OB 2.0 signed", () => {
  it("a compact RS256 JWS whose creator key is listed by the issuer and owned by it", async () => {
    const bundle = await createOb2Signed(rsa, { now: "2026-03-02T09:00:00Z" });
    const { jws, assertion, issuer, cryptographicKey, documents } = bundle;
    expect(decodeProtectedHeader(jws)).toEqual({ alg: "RS256" });
    expect(String(assertion.id)).toMatch(/^urn:uuid:/);
    expect(assertion.verification).toEqual({ type: "signed", creator: cryptographicKey.id });
    expect(issuer.publicKey).toBe(cryptographicKey.id);
    expect(cryptographicKey).toMatchObject({
      type: "CryptographicKey",
      owner: issuer.id,
      publicKeyPem: rsa.publicKeyPem,
    });
    expect(documents[String(cryptographicKey.id)]).toEqual(cryptographicKey);
    expect(documents).not.toHaveProperty(String(assertion.id));

    const key = await importSPKI(String(cryptographicKey.publicKeyPem), "RS256");
    const { payload } = await compactVerify(jws, key, { algorithms: ["RS256"] });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(assertion);
    await expect(compactVerify(tamperJwt(jws, "issuedOn", "2020-01-01T00:00:00Z"), key)).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
  });

  it("a revoked signed assertion is listed by id in the issuer's revocation list", async () => {
    const { assertion, revocationList, issuer } = await createOb2Signed(rsa, {
      revoked: true,
      revocationReason: "Misconduct",
    });
    expect(issuer.revocationList).toBe(revocationList.id);
    expect(revocationList.revokedAssertions).toEqual([{ id: assertion.id, revocationReason: "Misconduct" }]);
  });
});
