/**
 * Malformed vs unsupported. A proof that is malformed for a suite Tessera implements FAILS with a
 * reason naming what is wrong — even when its signature is valid (every case below is validly
 * signed, so only its shape is at fault). "Unknown" is kept for suites Tessera does not implement.
 * Every reason string is pinned to its case.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { ED25519_2020_CONTEXT } from "./proofs/di-suites";
import { NOW, checkOf, deps, diInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

let issuer: T.TestIssuer;
let unsigned: Record<string, unknown>;

beforeAll(async () => {
  issuer = await T.createEd25519Issuer();
  unsigned = T.buildOpenBadgeCredential(issuer.did, { now: NOW });
});

const verify = (credential: object) => verifyCredential(diInput(credential), deps({}, { holder: undefined }));
const signed = (options: T.HandProofOptions) => T.signProof(unsigned, issuer, { now: NOW, ...options });

describe("malformed proofs of a supported suite → failed, with what is wrong", () => {
  const cases: Array<[string, T.HandProofOptions, string]> = [
    [
      "no proofPurpose",
      { omit: ["proofPurpose"] },
      "The digital signature does not state what it was made for (no proofPurpose), so it cannot count as an issuer's signature.",
    ],
    [
      "proofPurpose authentication",
      { fields: { proofPurpose: "authentication" } },
      'The digital signature was made for "authentication", not for issuing credentials (proofPurpose must be assertionMethod).',
    ],
    [
      "type Ed25519Signature2020 with cryptosuite eddsa-rdfc-2022",
      { fields: { type: "Ed25519Signature2020" }, lenient: true },
      "The digital signature names a combination of signature type and cryptosuite that does not exist (type Ed25519Signature2020 with cryptosuite eddsa-rdfc-2022).",
    ],
    [
      "DataIntegrityProof with cryptosuite Ed25519Signature2020",
      { fields: { cryptosuite: "Ed25519Signature2020" } },
      "The digital signature names a combination of signature type and cryptosuite that does not exist (type DataIntegrityProof with cryptosuite Ed25519Signature2020).",
    ],
    [
      "a cryptosuite name as the proof type",
      { fields: { type: "eddsa-rdfc-2022" }, omit: ["cryptosuite"], lenient: true },
      "The digital signature names a combination of signature type and cryptosuite that does not exist (type eddsa-rdfc-2022 without a cryptosuite).",
    ],
    [
      "DataIntegrityProof without a cryptosuite",
      { omit: ["cryptosuite"] },
      "The digital signature is a DataIntegrityProof that does not name its cryptosuite, so it cannot be checked against anything.",
    ],
    [
      "no verificationMethod",
      { omit: ["verificationMethod"] },
      "The digital signature does not say which key made it (no verificationMethod).",
    ],
    [
      "created is not a date",
      { fields: { created: "yesterday" } },
      'The digital signature has a creation date that is not a date (created: "yesterday").',
    ],
    [
      "created is an impossible day",
      { fields: { created: "2026-02-30T10:00:00Z" } },
      'The digital signature has a creation date that is not a date (created: "2026-02-30T10:00:00Z").',
    ],
    [
      "expires is not a date",
      { fields: { expires: "2027" } },
      'The digital signature has an expiry date that is not a date (expires: "2027").',
    ],
    [
      "no type",
      { omit: ["type"], lenient: true },
      "The digital signature does not say what kind of signature it is (no type).",
    ],
    [
      "previousProof that is not an id",
      { fields: { previousProof: [] }, lenient: true },
      "The digital signature names the signatures it countersigns in a way that is not allowed (previousProof must be signature ids).",
    ],
  ];

  it.each(cases)("%s", async (_label, options, reason) => {
    const result = await verify(await signed(options));
    expect(checkOf(result, "proof")).toMatchObject({ status: "failed", reason });
    expect(result.verdict).toBe("not-verified");
  });

  it("Ed25519Signature2020 on a credential without that suite's vocabulary", async () => {
    const proof = { ...T.forgedProof(issuer, NOW), type: "Ed25519Signature2020" } as Record<string, unknown>;
    delete proof.cryptosuite;
    const result = await verify({ ...unsigned, proof });
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason: `The digital signature is an Ed25519Signature2020, but the credential does not include that signature's vocabulary (${ED25519_2020_CONTEXT}).`,
    });
  });

  it("a well-formed proof whose created date has no time zone is read as UTC, and says so", async () => {
    const result = await verify(await signed({ fields: { created: "2026-06-01T08:00:00" } }));
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "proof").details).toMatchObject({
      created: "2026-06-01T08:00:00",
      createdTimeZone: "none given; read as UTC",
    });
  });

  it("malformed proofs are refused before any key is fetched", async () => {
    const d = deps({}, { holder: undefined });
    const web = "did:web:issuer.test#key-1";
    await verifyCredential(
      diInput(await signed({ fields: { verificationMethod: web, proofPurpose: "x" }, lenient: true })),
      d,
    );
    expect(d.net.calls).toEqual([]);
  });
});

describe("suites Tessera does not implement → unknown, named", () => {
  it.each([
    ["ecdsa-sd-2023", { cryptosuite: "ecdsa-sd-2023" }, "cannot check yet (ecdsa-sd-2023)"],
    ["bbs-2023", { cryptosuite: "bbs-2023" }, "cannot check yet (bbs-2023)"],
    ["eddsa-jcs-2022", { cryptosuite: "eddsa-jcs-2022" }, "cannot check yet (eddsa-jcs-2022)"],
    ["the draft name eddsa-2022", { cryptosuite: "eddsa-2022" }, "cannot check yet (eddsa-2022)"],
    [
      "Ed25519Signature2018",
      { type: "Ed25519Signature2018", cryptosuite: undefined },
      "cannot check yet (Ed25519Signature2018)",
    ],
    ["a cryptosuite nobody has heard of", { cryptosuite: "quantum-2099" }, "does not recognise (quantum-2099)"],
    [
      "a proof type nobody has heard of",
      { type: "SomeProofType", cryptosuite: undefined },
      "does not recognise (SomeProofType)",
    ],
  ])("%s", async (_label, fields, words) => {
    const proof = { ...T.forgedProof(issuer, NOW), ...fields };
    const result = await verify({ ...unsigned, proof: JSON.parse(JSON.stringify(proof)) });
    expect(statusOf(result)).toMatchObject({ proof: "unknown", issuer: "unknown" });
    expect(checkOf(result, "proof").reason).toBe(
      `The credential is signed with a method Tessera ${words}, so its signature cannot be checked.`,
    );
  });
});
