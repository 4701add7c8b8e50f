import { beforeAll, describe, expect, it } from "vitest";
import {
  createSealCertificate,
  issueEdc,
  sealJades,
  tamperJades,
  type IssuedEdc,
  type SealCertificate,
} from "@/test-issuer";
import { NOW, checkOf, deps, jadesInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

let edc: IssuedEdc;
let rsaSeal: SealCertificate;
beforeAll(async () => {
  [edc, rsaSeal] = await Promise.all([issueEdc({ now: NOW }), createSealCertificate({ alg: "RS256" })]);
});

describe("EDC sealed with JAdES", () => {
  it("a valid seal passes the proof; the issuer stays unknown (trusted lists not checked)", async () => {
    const result = await verifyCredential(jadesInput(edc.jades), deps());
    expect(statusOf(result)).toEqual({ proof: "passed", issuer: "unknown", validity: "passed", recipient: "passed" });
    expect(checkOf(result, "issuer")).toMatchObject({
      reason: expect.stringMatching(/EU trusted lists/),
      details: {
        organizationIdentifier: "VATIE-9876543W",
        issuerLegalIdentifier: "VATIE-9876543W",
        certificateChain: "not checked",
      },
    });
    expect(checkOf(result, "proof").details).toMatchObject({ certificateChain: "not checked" });
    expect(result.verdict).toBe("unknown");
  });

  it("RS256 seals verify too", async () => {
    const jades = await sealJades(edc.credential, rsaSeal, { sigT: NOW });
    expect(checkOf(await verifyCredential(jadesInput(jades), deps()), "proof").status).toBe("passed");
  });

  it("a registry that pins the seal certificate makes the issuer check pass", async () => {
    const thumbprint = edc.seal.thumbprintS256;
    const result = await verifyCredential(
      jadesInput(edc.jades),
      deps({}, { knownIssuers: [{ id: thumbprint, name: "Northbridge (EU registry)" }] }),
    );
    expect(checkOf(result, "issuer")).toMatchObject({ status: "passed", details: { registry: "known issuer" } });
    expect(result.verdict).toBe("verified");
  });

  it("content edited after sealing → proof failed", async () => {
    for (const [path, value] of [
      ["credentialSubject.fullName.en", "Mallory"],
      ["validFrom", "2020-01-01T00:00:00Z"],
    ] as const) {
      const result = await verifyCredential(jadesInput(tamperJades(edc.jades, path, value)), deps());
      expect(checkOf(result, "proof").status).toBe("failed");
      expect(result.verdict).toBe("not-verified");
    }
  });

  it("sealed by another organisation than the credential's issuer → issuer failed", async () => {
    const foreign = await createSealCertificate({ profile: { legalIdentifier: "VATFR-0000000X" } });
    const jades = await sealJades(edc.credential, foreign, { sigT: NOW });
    const result = await verifyCredential(jadesInput(jades), deps());
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "failed" });
  });

  it("an eIDAS notation with only the registration number is not another organisation (ETSI VATIE-9876543W = 9876543W)", async () => {
    const bare = await issueEdc({ now: NOW, issuerProfile: { legalIdentifier: "9876543W" }, seal: edc.seal });
    const result = await verifyCredential(jadesInput(bare.jades), deps());
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "unknown" });
  });

  it("an x5t#S256 naming another certificate → proof failed", async () => {
    const signature = edc.jades.signatures[0]!;
    const header = JSON.parse(Buffer.from(signature.protected, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    const forged = {
      ...signature,
      protected: Buffer.from(JSON.stringify({ ...header, "x5t#S256": rsaSeal.thumbprintS256 })).toString("base64url"),
    };
    const result = await verifyCredential(jadesInput({ ...edc.jades, signatures: [forged] }), deps());
    expect(checkOf(result, "proof").status).toBe("failed");
  });

  it("contact email of someone else → recipient failed", async () => {
    const other = await issueEdc({ now: NOW, recipientEmail: "someone.else@example.org", seal: edc.seal });
    expect(checkOf(await verifyCredential(jadesInput(other.jades), deps()), "recipient").status).toBe("failed");
  });
});
