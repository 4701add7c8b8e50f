import { beforeAll, describe, expect, it } from "vitest";
import {
  buildOpenBadgeCredential,
  createEd25519Issuer,
  createP256Issuer,
  issueOpenBadge,
  signCredential,
  swapProof,
  swapProofValue,
  tamper,
  type ProofKind,
  type SignedCredential,
  type TestIssuer,
} from "@/test-issuer";
import { NOW, checkOf, deps, diInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

let ed: TestIssuer;
let p256: TestIssuer;
let attacker: TestIssuer;
const creds: Record<ProofKind, SignedCredential[]> = {
  "eddsa-rdfc-2022": [],
  "ecdsa-rdfc-2019": [],
  Ed25519Signature2020: [],
};
const DAY = 86_400_000;

beforeAll(async () => {
  [ed, p256, attacker] = await Promise.all([createEd25519Issuer(), createP256Issuer(), createEd25519Issuer()]);
  const make = (proof: ProofKind, issuer: TestIssuer) =>
    Promise.all([issueOpenBadge(issuer, { proof, now: NOW }), issueOpenBadge(issuer, { proof, now: NOW })]);
  [creds["eddsa-rdfc-2022"], creds["ecdsa-rdfc-2019"], creds.Ed25519Signature2020] = await Promise.all([
    make("eddsa-rdfc-2022", ed),
    make("ecdsa-rdfc-2019", p256),
    make("Ed25519Signature2020", ed),
  ]);
});

const KINDS: ProofKind[] = ["eddsa-rdfc-2022", "ecdsa-rdfc-2019", "Ed25519Signature2020"];
const issuerFor = (kind: ProofKind) => (kind === "ecdsa-rdfc-2019" ? p256 : ed);

describe.each(KINDS)("%s", (kind) => {
  it("a valid credential from the test issuer is verified", async () => {
    const result = await verifyCredential(diInput(creds[kind][0]), deps());
    expect(result.verdict).toBe("verified");
    expect(statusOf(result)).toEqual({ proof: "passed", issuer: "passed", validity: "passed", recipient: "passed" });
    expect(checkOf(result, "proof").details).toMatchObject({ method: kind, keyId: issuerFor(kind).verificationMethod });
    expect(checkOf(result, "issuer").reason).toContain("Northbridge School of Nursing");
    expect(result.checkedAt).toBe(NOW.toISOString());
  });

  const tampers: Array<[string, string, unknown]> = [
    ["title", "name", "Advanced Cardiac Life Support"],
    ["achievement title", "credentialSubject.achievement.name", "Consultant Surgeon"],
    ["issuer name", "issuer.name", "St Mary's Hospital"],
    ["dates", kind === "Ed25519Signature2020" ? "issuanceDate" : "validFrom", "2026-05-01T09:00:00Z"],
    ["subject", "credentialSubject.name", "Mallory Example"],
  ];
  it.each(tampers)("tampered %s after signing → proof failed (signature mismatch)", async (_label, path, value) => {
    const result = await verifyCredential(diInput(tamper(creds[kind][0], path, value)), deps());
    expect(result.verdict).toBe("not-verified");
    const proof = checkOf(result, "proof");
    expect(proof.status).toBe("failed");
    expect(proof.reason).toMatch(/does not match/);
  });

  it("tampered issuer id → proof and issuer both fail", async () => {
    const result = await verifyCredential(diInput(tamper(creds[kind][0], "issuer.id", attacker.did)), deps());
    expect(statusOf(result)).toMatchObject({ proof: "failed", issuer: "failed" });
  });

  it("a swapped proof (or proof value) from another credential → proof failed", async () => {
    const [a, b] = creds[kind] as [SignedCredential, SignedCredential];
    for (const swapped of [swapProof(a, b), swapProofValue(a, b)]) {
      expect(checkOf(await verifyCredential(diInput(swapped), deps()), "proof").status).toBe("failed");
    }
  });

  it("expired → validity failed with the dates, and the signature is still checked", async () => {
    const result = await verifyCredential(
      diInput(creds[kind][0]),
      deps({}, { now: () => new Date(NOW.getTime() + 400 * DAY) }),
    );
    expect(result.verdict).toBe("verified"); // no expiry date: still valid a year later
    const expiring = await issueOpenBadge(issuerFor(kind), {
      proof: kind,
      now: NOW,
      validUntil: new Date(NOW.getTime() + 30 * DAY),
    });
    const later = await verifyCredential(
      diInput(expiring),
      deps({}, { now: () => new Date(NOW.getTime() + 31 * DAY) }),
    );
    expect(statusOf(later)).toMatchObject({ proof: "passed", validity: "failed" });
    expect(checkOf(later, "validity")).toMatchObject({
      reason: expect.stringMatching(/expired on 2026-07-01/),
      details: { validUntil: "2026-07-01T09:00:00.000Z" },
    });
    expect(later.verdict).toBe("not-verified");
  });

  it("not yet valid → validity failed, signature passed", async () => {
    const future = await issueOpenBadge(issuerFor(kind), {
      proof: kind,
      now: NOW,
      validFrom: new Date(NOW.getTime() + 10 * DAY),
    });
    const result = await verifyCredential(diInput(future), deps());
    expect(statusOf(result)).toMatchObject({ proof: "passed", validity: "failed" });
    expect(checkOf(result, "validity").reason).toMatch(/not valid yet: it becomes valid on 2026-06-11/);
  });

  it("issued to someone else → recipient failed", async () => {
    const other = await issueOpenBadge(issuerFor(kind), {
      proof: kind,
      now: NOW,
      recipientEmail: "someone.else@example.org",
    });
    const result = await verifyCredential(diInput(other), deps());
    expect(checkOf(result, "recipient")).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/Issued to someone else/),
    });
    expect(result.verdict).toBe("not-verified");
  });
});

describe("key binding", () => {
  it("signed with a key the named issuer does not control → issuer failed", async () => {
    const forged = await signCredential(buildOpenBadgeCredential(ed.did, { now: NOW }), attacker, { now: NOW });
    const result = await verifyCredential(diInput(forged), deps());
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "failed" });
    expect(checkOf(result, "issuer")).toMatchObject({
      reason: expect.stringMatching(/someone other than its named issuer/),
      details: { keyController: attacker.did, issuerId: ed.did },
    });
    expect(result.verdict).toBe("not-verified");
  });

  it("a bare did:key verificationMethod is read as its only key (lenient, docs/formats/vc.md#key-resolution)", async () => {
    const bareIssuer = await createEd25519Issuer();
    bareIssuer.keyPair.id = bareIssuer.did; // the signer names the DID without a fragment
    const signed = await signCredential(buildOpenBadgeCredential(bareIssuer.did, { now: NOW }), bareIssuer, {
      now: NOW,
    });
    expect((signed.proof as Record<string, unknown>).verificationMethod).toBe(bareIssuer.did);
    const result = await verifyCredential(diInput(signed), deps());
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "passed" });
    expect(checkOf(result, "proof").details?.keyId).toBe(bareIssuer.verificationMethod);
  });

  it("registry membership is reported in the issuer check's details", async () => {
    const cred = creds["eddsa-rdfc-2022"][0]!;
    const known = await verifyCredential(
      diInput(cred),
      deps({}, { knownIssuers: [{ id: ed.did, name: "Northbridge (registry)" }] }),
    );
    expect(checkOf(known, "issuer").details).toMatchObject({
      registry: "known issuer",
      registryName: "Northbridge (registry)",
    });
    const unknownIssuer = await verifyCredential(diInput(cred), deps({}, { knownIssuers: [] }));
    expect(checkOf(unknownIssuer, "issuer").details).toMatchObject({ registry: "issuer not in registry" });
  });
});

describe("unsigned input", () => {
  it("no proof at all → proof unknown, never passed", async () => {
    const result = await verifyCredential(diInput(buildOpenBadgeCredential(ed.did, { now: NOW })), deps());
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      reason: "This credential has no digital signature to check.",
    });
    expect(result.verdict).toBe("unknown");
  });
});
