import jsigs from "jsonld-signatures";
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentLoader } from "@/lib/verification/document-loader";
import { issueClr } from "./clr";
import { issueOpenBadgeJwt } from "./jwt";
import { createEd25519Issuer, type TestIssuer } from "./keys";
import { issueOpenBadge } from "./ob3";
import { verificationSuites, verifyEmbedded, verifyVcJwt } from "@/testkit/verification/reference-verify";
import { tamper } from "./tamper";
import { createPresentation, issueVc2 } from "./vc2";

let issuer: TestIssuer;
let holder: TestIssuer;
const NOW = "2026-03-02T09:00:00Z";

beforeAll(async () => {
  [issuer, holder] = await Promise.all([createEd25519Issuer(), createEd25519Issuer()]);
});

describe("CLR 2.0", () => {
  it("a signed ClrCredential of three signed AchievementCredentials with an association graph", async () => {
    const clr = await issueClr(issuer, { now: NOW });
    expect(clr.type).toEqual(["VerifiableCredential", "ClrCredential"]);
    expect(clr["@context"]).toContain("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json");
    const subject = clr.credentialSubject as {
      verifiableCredential: Array<Record<string, unknown>>;
      achievement: Array<{ id: string }>;
      association: unknown[];
    };
    expect(subject.verifiableCredential).toHaveLength(3);
    const [pathway, coding, cdi] = subject.achievement.map((a) => a.id);
    expect(subject.association).toEqual([
      { type: "Association", associationType: "isPartOf", sourceId: coding, targetId: pathway },
      { type: "Association", associationType: "isChildOf", sourceId: cdi, targetId: pathway },
      { type: "Association", associationType: "precedes", sourceId: coding, targetId: cdi },
    ]);
    const outer = await verifyEmbedded(clr);
    expect(outer.verified, outer.error?.message).toBe(true);
    for (const nested of subject.verifiableCredential) {
      expect(nested.type).toEqual(["VerifiableCredential", "AchievementCredential"]);
      expect((await verifyEmbedded(nested)).verified).toBe(true);
    }
    // Editing a nested credential breaks both its own proof and the CLR's.
    const edited = tamper(clr, "credentialSubject.verifiableCredential[1].credentialSubject.achievement.name", "X");
    expect((await verifyEmbedded(edited)).verified).toBe(false);
  });

  it("two achievements and custom associations", async () => {
    const clr = await issueClr(issuer, {
      achievements: [
        { id: "urn:uuid:a", name: "A" },
        { id: "urn:uuid:b", name: "B" },
      ],
      associations: [{ associationType: "isParentOf", sourceId: "urn:uuid:a", targetId: "urn:uuid:b" }],
    });
    const subject = clr.credentialSubject as { verifiableCredential: unknown[]; association: unknown[] };
    expect(subject.verifiableCredential).toHaveLength(2);
    expect(subject.association).toEqual([
      { type: "Association", associationType: "isParentOf", sourceId: "urn:uuid:a", targetId: "urn:uuid:b" },
    ]);
    expect((await verifyEmbedded(clr)).verified).toBe(true);
  });
});

describe("generic VC 2.0 and presentations", () => {
  it("a generic VC 2.0 credential (eddsa-rdfc-2022) verifies", async () => {
    const credential = await issueVc2(issuer, { now: NOW, recipientId: holder.did });
    expect(credential.type).toEqual(["VerifiableCredential", "ProfessionalRegistrationCredential"]);
    expect((await verifyEmbedded(credential)).verified).toBe(true);
  });

  it("a presentation with an embedded VC and an EnvelopedVerifiableCredential (data:application/vc+jwt)", async () => {
    const embedded = await issueOpenBadge(issuer, { now: NOW });
    const jwt = await issueOpenBadgeJwt(issuer, { now: NOW });
    const vp = await createPresentation({ credentials: [embedded], jwts: [jwt] });
    const [first, second] = vp.verifiableCredential as Array<Record<string, unknown>>;
    expect(second).toEqual({
      "@context": "https://www.w3.org/ns/credentials/v2",
      id: `data:application/vc+jwt,${jwt}`,
      type: "EnvelopedVerifiableCredential",
    });
    expect((await verifyEmbedded(first!)).verified).toBe(true);
    await expect(
      verifyVcJwt(String(second!.id).slice("data:application/vc+jwt,".length), { now: NOW }),
    ).resolves.toBeDefined();
  });

  it("a holder-signed presentation verifies with an authentication purpose and its challenge", async () => {
    const embedded = await issueVc2(issuer, { now: NOW });
    const vp = await createPresentation({
      credentials: [embedded],
      holder,
      challenge: "c-123",
      domain: "tessera.test",
    });
    expect(vp.proof).toMatchObject({ proofPurpose: "authentication", challenge: "c-123", domain: "tessera.test" });
    const verify = (challenge: string) =>
      jsigs.verify(vp, {
        suite: verificationSuites(),
        purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge, domain: "tessera.test" }),
        documentLoader: createDocumentLoader(),
      });
    expect((await verify("c-123")).verified).toBe(true);
    expect((await verify("replayed")).verified).toBe(false);
  });
});
