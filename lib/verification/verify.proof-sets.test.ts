/**
 * Proof sets and proof chains (VC Data Integrity "Verify Proof Sets and Chains"): every proof is
 * verified, the signature check passes only when all do, the issuer check when one valid proof is
 * the issuer's; a chained proof counts only when the proofs it countersigns do. Reasons are pinned.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { LIMITS, TooComplexError } from "./limits";
import { documentHash } from "./proofs/di-proof";
import { TOO_COMPLEX } from "./reasons";
import { NOW, checkOf, deps, diInput, didWebIssuer, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

let issuer: T.TestIssuer;
let cosigner: T.TestIssuer;
let notary: T.TestIssuer;
let unsigned: Record<string, unknown>;
let single: T.SignedCredential;
const EVERY = "A credential is verified only when every signature on it is valid.";
const MISMATCH = "does not match: the credential was changed after it was signed, or it was not signed with this key";

beforeAll(async () => {
  [issuer, cosigner, notary] = await Promise.all([
    T.createEd25519Issuer(),
    T.createP256Issuer(),
    T.createEd25519Issuer(),
  ]);
  unsigned = T.buildOpenBadgeCredential(issuer.did, { now: NOW });
  single = await T.signProof(unsigned, issuer, { now: NOW, fields: { id: "urn:uuid:issuer-proof" } });
});

const verify = (credential: object) => verifyCredential(diInput(credential), deps({}, { holder: undefined }));

describe("proof sets: every proof must pass", () => {
  it("a valid two-proof set (issuer + co-signer, two suites) → verified, each proof reported", async () => {
    const set = await T.addProof(single, cosigner, { now: NOW });
    const result = await verify(set);
    expect(result.verdict).toBe("verified");
    const proof = checkOf(result, "proof");
    expect(proof.reason).toBe(
      "All 2 digital signatures are valid: the credential has not been changed since they were signed.",
    );
    expect(proof.details).toMatchObject({
      signatures: "2",
      method: "eddsa-rdfc-2022, ecdsa-rdfc-2019",
      keyId: issuer.verificationMethod,
      "signature 1": `valid: eddsa-rdfc-2022 by ${issuer.verificationMethod} (the named issuer's key)`,
      "signature 2": `valid: ecdsa-rdfc-2019 by ${cosigner.verificationMethod} (not the named issuer's key)`,
    });
    expect(checkOf(result, "issuer")).toMatchObject({ status: "passed", details: { issuerSignature: "signature 1" } });
  });

  it("valid issuer proof + a forged second proof → not verified, the forged one named", async () => {
    const forged = T.appendProof(single, T.forgedProof(notary, NOW));
    const result = await verify(forged);
    expect(statusOf(result)).toMatchObject({ proof: "failed", issuer: "passed" });
    expect(result.verdict).toBe("not-verified");
    expect(checkOf(result, "proof").reason).toBe(`Signature 2 of 2 (eddsa-rdfc-2022) ${MISMATCH}. ${EVERY}`);
    expect(checkOf(result, "proof").details?.["signature 2"]).toBe(
      `NOT valid: eddsa-rdfc-2022 by ${notary.verificationMethod} (not the named issuer's key) — ${MISMATCH}`,
    );
  });

  it("a forged proof claiming the issuer's own key, before a valid co-signature → not verified, signature 1 named", async () => {
    const cosigned = await T.signProof(unsigned, cosigner, { now: NOW });
    const result = await verify({ ...cosigned, proof: [T.forgedProof(issuer, NOW), cosigned.proof] });
    expect(statusOf(result)).toMatchObject({ proof: "failed", issuer: "unknown" });
    expect(checkOf(result, "proof").reason).toBe(`Signature 1 of 2 (eddsa-rdfc-2022) ${MISMATCH}. ${EVERY}`);
  });

  it("valid issuer proof + a valid proof by an unrelated key → verified; the other signer is reported", async () => {
    const result = await verify(await T.signProof(single, notary, { now: NOW }));
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "proof").details?.["signature 2"]).toBe(
      `valid: eddsa-rdfc-2022 by ${notary.verificationMethod} (not the named issuer's key)`,
    );
  });

  it("two valid proofs, neither by the issuer → issuer failed", async () => {
    const byOthers = await T.addProof(await T.signProof(unsigned, notary, { now: NOW }), cosigner, { now: NOW });
    const result = await verify(byOthers);
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "failed" });
    expect(checkOf(result, "issuer").reason).toBe(
      "The credential was signed with a key that belongs to someone other than its named issuer.",
    );
  });

  it("a co-signer whose own DID does not authorise its key for issuing → that proof fails", async () => {
    const web = await didWebIssuer("cosigner.test");
    const set = await T.signProof(single, web, { now: NOW });
    const doc = { ...web.didDocument, assertionMethod: [], authentication: [web.verificationMethod] };
    const result = await verifyCredential(diInput(set), deps({ [web.didDocumentUrl]: doc }, { holder: undefined }));
    expect(statusOf(result)).toMatchObject({ proof: "failed", issuer: "passed" });
    expect(checkOf(result, "proof").reason).toBe(
      `Signature 2 of 2 (eddsa-rdfc-2022) was made with a key its owner has not authorised for issuing credentials (not listed under assertionMethod). ${EVERY}`,
    );
  });

  it("a proof set where one proof uses a suite Tessera does not implement → could not fully check", async () => {
    const sd = { ...T.forgedProof(notary, NOW), cryptosuite: "ecdsa-sd-2023" };
    const result = await verify(T.appendProof(single, sd));
    expect(statusOf(result)).toMatchObject({ proof: "unknown", issuer: "passed" });
    expect(checkOf(result, "proof").reason).toBe(
      "Signature 2 of 2 (ecdsa-sd-2023) uses a method Tessera cannot check yet (ecdsa-sd-2023).",
    );
  });

  it("a stray non-object next to a valid proof → failed, never ignored", async () => {
    const result = await verify({ ...single, proof: [single.proof, "z3FXQ..."] });
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason: `Signature 2 of 2 (not a signature) is not a signature at all. ${EVERY}`,
    });
  });

  it(`more than ${LIMITS.maxProofs} proofs → too complex to check (unknown)`, async () => {
    const many = { ...single, proof: Array.from({ length: LIMITS.maxProofs + 1 }, () => single.proof) };
    expect(checkOf(await verify(many), "proof")).toMatchObject({ status: "unknown", reason: TOO_COMPLEX });
  });

  it("all proofs of a credential share one canonicalization budget: once spent, nothing more is expanded", async () => {
    await expect(documentHash(single, [], Date.now() - 1)).rejects.toThrow(TooComplexError);
    await expect(documentHash(single, [], Date.now() + 60_000)).resolves.toHaveLength(32);
  });

  it("content changed after signing → both proofs fail; the first is named", async () => {
    const set = await T.addProof(single, cosigner, { now: NOW });
    const result = await verify(T.tamper(set, "name", "Consultant Surgeon"));
    expect(checkOf(result, "proof").reason).toBe(`Signature 1 of 2 (eddsa-rdfc-2022) ${MISMATCH}. ${EVERY}`);
    expect(checkOf(result, "proof").details?.["signature 2"]).toMatch(/^NOT valid: ecdsa-rdfc-2019/);
  });
});

describe("proof chains (previousProof)", () => {
  const chainOfTwo = () =>
    T.signProof(single, notary, {
      now: NOW,
      fields: { id: "urn:uuid:notary", previousProof: "urn:uuid:issuer-proof" },
    });

  it("a chain of two (a notary countersigns the issuer's proof) → verified, the chain named", async () => {
    const result = await verify(await chainOfTwo());
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "proof")).toMatchObject({
      reason:
        "All 2 digital signatures are valid: the credential has not been changed since they were signed. They form a chain: signature 2 countersigns signature 1.",
      details: { chain: "signature 2 countersigns signature 1" },
    });
  });

  it("a chain of three, each countersigning the one before", async () => {
    const three = await T.signProof(await chainOfTwo(), cosigner, {
      now: NOW,
      fields: { previousProof: ["urn:uuid:notary"] },
    });
    expect(checkOf(await verify(three), "proof").details?.chain).toBe(
      "signature 2 countersigns signature 1; signature 3 countersigns signature 2",
    );
  });

  it("a dangling previousProof → failed, naming the missing signature", async () => {
    const dangling = await T.signProof(single, notary, { now: NOW, fields: { previousProof: "urn:uuid:missing" } });
    const result = await verify(dangling);
    expect(statusOf(result)).toMatchObject({ proof: "failed", issuer: "passed" });
    expect(checkOf(result, "proof").reason).toBe(
      `Signature 2 of 2 (eddsa-rdfc-2022) countersigns a signature that is not on the credential (previousProof "urn:uuid:missing"). ${EVERY}`,
    );
  });

  it("the countersigned proof removed after signing → the chained proof fails (dangling)", async () => {
    const chain = await chainOfTwo();
    const [, notarised] = chain.proof as Record<string, unknown>[];
    const alone = { ...chain, proof: [T.forgedProof(issuer, NOW), notarised] };
    const result = await verify(alone);
    expect(checkOf(result, "proof").details?.["signature 2"]).toMatch(
      /countersigns a signature that is not on the credential/,
    );
  });

  it("a cyclic chain (each proof names the other) → failed", async () => {
    const a = await T.signProof(unsigned, issuer, { now: NOW, fields: { id: "urn:a", previousProof: "urn:b" } });
    const both = await T.signProof(a, notary, { now: NOW, fields: { id: "urn:b", previousProof: "urn:a" } });
    const result = await verify(both);
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason: `Signature 1 of 2 (eddsa-rdfc-2022) is part of a loop of signatures that each claim to countersign the other. ${EVERY}`,
    });
  });

  it("a proof naming itself → failed", async () => {
    const self = await T.signProof(single, notary, { now: NOW, fields: { id: "urn:self", previousProof: "urn:self" } });
    expect(checkOf(await verify(self), "proof").reason).toBe(
      `Signature 2 of 2 (eddsa-rdfc-2022) names itself as the signature it countersigns. ${EVERY}`,
    );
  });

  it("a previousProof id two proofs share → failed (ambiguous)", async () => {
    const twin = await T.addProof(single, cosigner, { now: NOW });
    const [first, second] = twin.proof as Record<string, unknown>[];
    const twins = { ...twin, proof: [first, { ...second, id: "urn:uuid:issuer-proof" }] };
    const result = await verify(
      await T.signProof(twins, notary, { now: NOW, fields: { previousProof: "urn:uuid:issuer-proof" } }),
    );
    expect(checkOf(result, "proof").details?.["signature 3"]).toMatch(
      /countersigns signature id "urn:uuid:issuer-proof", which more than one signature on the credential uses/,
    );
  });

  it("a countersigned proof that is forged → the chain fails at its root, and the countersignature with it", async () => {
    const chain = await chainOfTwo();
    const [issuerProof, notarised] = chain.proof as Record<string, unknown>[];
    const broken = { ...chain, proof: [{ ...T.forgedProof(issuer, NOW), id: issuerProof!.id }, notarised] };
    const result = await verify(broken);
    expect(checkOf(result, "proof").reason).toBe(`Signature 1 of 2 (eddsa-rdfc-2022) ${MISMATCH}. ${EVERY}`);
    expect(checkOf(result, "proof").details?.["signature 2"]).toMatch(/NOT valid/);
  });

  it("a valid countersignature over a forged proof → failed: it counts only if what it countersigns does", async () => {
    const forgedFirst = { ...unsigned, proof: { ...T.forgedProof(issuer, NOW), id: "urn:forged" } };
    const countersigned = await T.signProof(forgedFirst, notary, { now: NOW, fields: { previousProof: "urn:forged" } });
    const result = await verify(countersigned);
    expect(checkOf(result, "proof").reason).toBe(`Signature 1 of 2 (eddsa-rdfc-2022) ${MISMATCH}. ${EVERY}`);
    expect(checkOf(result, "proof").details?.["signature 2"]).toBe(
      `NOT valid: eddsa-rdfc-2022 by ${notary.verificationMethod} (not the named issuer's key) — countersigns signature 1, which is not valid`,
    );
  });

  it("a countersignature over a proof Tessera cannot check → could not fully check", async () => {
    const sd = { ...unsigned, proof: { ...T.forgedProof(issuer, NOW), cryptosuite: "bbs-2023", id: "urn:bbs" } };
    const countersigned = await T.signProof(sd, notary, { now: NOW, fields: { previousProof: "urn:bbs" } });
    const result = await verify(countersigned);
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      reason: "Signature 1 of 2 (bbs-2023) uses a method Tessera cannot check yet (bbs-2023).",
      details: { "signature 2": expect.stringMatching(/countersigns signature 1, which could not be checked$/) },
    });
  });
});
