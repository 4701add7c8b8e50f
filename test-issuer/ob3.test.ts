import { beforeAll, describe, expect, it } from "vitest";
import { createEd25519Issuer, createP256Issuer, type TestIssuer } from "./keys";
import { issueOpenBadge, issueOpenBadgeEd25519Signature2020 } from "./ob3";
import { verifyEmbedded } from "@/testkit/verification/reference-verify";
import { at, swapProof, swapProofValue, tamper } from "./tamper";
import { saltedSha256 } from "./defaults";

let ed25519: TestIssuer;
let p256: TestIssuer;
const NOW = "2026-03-02T09:00:00Z";

beforeAll(async () => {
  [ed25519, p256] = await Promise.all([createEd25519Issuer(), createP256Issuer()]);
});

function errorText(result: { error?: Error & { errors?: Error[] } }): string {
  return [result.error?.message, ...(result.error?.errors ?? []).map((e) => e.message)].join(" | ");
}

describe("OB 3.0 OpenBadgeCredential with Data Integrity", () => {
  it("eddsa-rdfc-2022 on VC 2.0 + OB 3.0.3 verifies with the reference pipeline", async () => {
    const credential = await issueOpenBadge(ed25519, { now: NOW });
    expect(credential["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    expect(credential.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "assertionMethod",
      verificationMethod: ed25519.verificationMethod,
      created: NOW,
    });
    const result = await verifyEmbedded(credential);
    expect(result.verified, errorText(result)).toBe(true);
  });

  it("ecdsa-rdfc-2019 with a P-256 did:key verifies", async () => {
    const credential = await issueOpenBadge(p256, { now: NOW });
    expect(credential.proof).toMatchObject({
      cryptosuite: "ecdsa-rdfc-2019",
      verificationMethod: p256.verificationMethod,
    });
    expect(p256.did).toMatch(/^did:key:zDna/);
    const result = await verifyEmbedded(credential);
    expect(result.verified, errorText(result)).toBe(true);
  });

  it("Ed25519Signature2020 on VC 1.1 + OB 3.0.3 + ed25519-2020 verifies", async () => {
    const credential = await issueOpenBadgeEd25519Signature2020(ed25519, {
      now: NOW,
      validUntil: "2030-01-01T00:00:00Z",
    });
    expect(credential["@context"]).toEqual([
      "https://www.w3.org/2018/credentials/v1",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      "https://w3id.org/security/suites/ed25519-2020/v1",
    ]);
    expect(credential).toMatchObject({ issuanceDate: NOW, expirationDate: "2030-01-01T00:00:00Z" });
    expect(credential.proof).toMatchObject({ type: "Ed25519Signature2020" });
    const result = await verifyEmbedded(credential);
    expect(result.verified, errorText(result)).toBe(true);
  });

  it("carries the micro-credential content: ECTS, EQF, ESCO skills, outcomes, hashed email", async () => {
    const credential = await issueOpenBadge(ed25519, {
      recipientEmail: "Nurse@Example.org",
      salt: "s1",
      recipientId: "did:example:nurse",
    });
    expect(at(credential, "credentialSubject.id")).toBe("did:example:nurse");
    expect(at(credential, "credentialSubject.identifier[0]")).toEqual({
      type: "IdentityObject",
      identityHash: saltedSha256("Nurse@Example.org", "s1"),
      identityType: "emailAddress",
      hashed: true,
      salt: "s1",
    });
    const achievement = at(credential, "credentialSubject.achievement");
    expect(achievement).toMatchObject({
      name: "ICD-11 Clinical Coding Fundamentals",
      achievementType: "MicroCredential",
      creditsAvailable: 1,
    });
    expect(at(achievement, "alignment")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetFramework: "ESCO", targetName: "clinical coding" }),
        expect.objectContaining({
          targetType: "ext:EQF",
          targetCode: "5",
          targetUrl: "http://data.europa.eu/snb/eqf/5",
        }),
      ]),
    );
    expect(at(achievement, "criteria.narrative")).toContain("25 hours (1 ECTS)");
    expect(at(credential, "issuer.name")).toBe("Northbridge School of Nursing");
  });

  it("plain (unhashed) email identifier variant", async () => {
    const credential = await issueOpenBadge(ed25519, { hashed: false, recipientEmail: "a@example.org" });
    const identifier = at(credential, "credentialSubject.identifier[0]");
    expect(identifier).toEqual({
      type: "IdentityObject",
      identityHash: "a@example.org",
      identityType: "emailAddress",
      hashed: false,
    });
    expect((await verifyEmbedded(credential)).verified).toBe(true);
  });
});

describe("negative cases built with tamper/swapProof", () => {
  it("a changed achievement name, issuer name or date breaks the signature", async () => {
    const credential = await issueOpenBadge(ed25519, { now: NOW });
    for (const [path, value] of [
      ["credentialSubject.achievement.name", "Advanced Life Support"],
      ["issuer.name", "Someone Else"],
      ["validFrom", "2026-03-01T09:00:00Z"],
      ["credentialSubject.achievement.alignment[1].targetCode", "7"],
    ] as const) {
      const result = await verifyEmbedded(tamper(credential, path, value));
      expect(result.verified, path).toBe(false);
      expect(errorText(result), path).toContain("Invalid signature");
    }
  });

  it("a proof (or just its proofValue) moved from another credential fails", async () => {
    const a = await issueOpenBadge(ed25519, { now: NOW });
    const b = await issueOpenBadge(ed25519, { now: NOW, achievement: { name: "Infection Prevention and Control" } });
    expect((await verifyEmbedded(swapProof(a, b))).verified).toBe(false);
    expect((await verifyEmbedded(swapProofValue(a, b))).verified).toBe(false);
  });

  it("signed by another key while claiming the issuer: controller mismatch", async () => {
    const attacker = await createEd25519Issuer();
    const forged = await issueOpenBadge(attacker, { now: NOW });
    const claimed = tamper(forged, "issuer.id", ed25519.did);
    const result = await verifyEmbedded(claimed);
    expect(result.verified).toBe(false);
  });

  it("expired and not-yet-valid credentials fail on dates", async () => {
    const expired = await issueOpenBadge(ed25519, { now: "2024-01-01T00:00:00Z", validUntil: "2025-01-01T00:00:00Z" });
    expect(errorText(await verifyEmbedded(expired))).toContain("validUntil");
    const future = await issueOpenBadge(ed25519, { now: NOW, validFrom: "2099-01-01T00:00:00Z" });
    expect(errorText(await verifyEmbedded(future))).toContain("validFrom");
    expect((await verifyEmbedded(expired, { now: "2024-06-01T00:00:00Z" })).verified).toBe(true);
  });

  it("a term outside every bundled context fails closed (safe mode)", async () => {
    const credential = await issueOpenBadge(ed25519, { now: NOW });
    const result = await verifyEmbedded(tamper(credential, "credentialSubject.achievement.learningHours", 25));
    expect(result.verified).toBe(false);
  });
});
