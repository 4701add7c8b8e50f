/**
 * The verifier's edges against the reference pipeline, where the reference has an opinion:
 * - proof sets: @digitalbazaar/vc accepts a credential when ANY proof verifies (jsonld-signatures
 *   ProofSet), Tessera only when EVERY proof does (VC Data Integrity "Verify Proof Sets and Chains").
 *   So each proof is compared on its own — the reference on the credential carrying only that proof
 *   — and the overall verdict must be the conjunction; the "any" divergence is pinned explicitly;
 * - malformed and unsupported proofs: the reference never verifies them, nor do we;
 * - VC 1.1 dates without a time zone: both accept (read as UTC here); VC 2.0: the reference reads
 *   them in local time and accepts, Tessera fails them (VC 2.0 requires a dateTimeStamp) — pinned;
 * - JOSE issuers without DIDs: jose with the issuer's metadata key set (createLocalJWKSet), and
 *   importX509 for x5c (signature only: the reference has no opinion on the chain).
 * Proof chains have no reference (@digitalbazaar/data-integrity does not implement previousProof);
 * the W3C test vectors in the conformance suite stand in for it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as R from "@/testkit/verification/reference-verify";
import * as T from "@/test-issuer";
import { NOW, checkOf, deps, diInput, jwtInput, statusOf } from "@/testkit/verification/helpers";
import type { VerificationResult } from "./types";
import { verifyCredential } from "./verify";

const noStatus = async () => ({ verified: true });
const reference = async (credential: object) =>
  (await R.verifyEmbedded(credential, { now: NOW, checkStatus: noStatus })).verified;
const allPassed = (r: VerificationResult) =>
  ["proof", "issuer", "validity"].every((id) => statusOf(r)[id] === "passed");
const ours = async (credential: object) =>
  verifyCredential(diInput(credential), deps({}, { holder: undefined, proofCache: undefined }));

let issuer: T.TestIssuer;
let p256: T.TestIssuer;
let other: T.TestIssuer;
let unsigned: Record<string, unknown>;
let single: T.SignedCredential;

beforeAll(async () => {
  [issuer, p256, other] = await Promise.all([T.createEd25519Issuer(), T.createP256Issuer(), T.createEd25519Issuer()]);
  unsigned = T.buildOpenBadgeCredential(issuer.did, { now: NOW });
  single = await T.signCredential(unsigned, issuer, { now: NOW });
});

const proofList = (c: T.SignedCredential) => (Array.isArray(c.proof) ? c.proof : [c.proof]);

describe("proof sets: every proof, compared one by one", () => {
  const sets = async (): Promise<Array<[string, T.SignedCredential]>> => {
    const cosigned = await T.addProof(single, p256, { now: NOW });
    return [
      ["issuer + co-signer", cosigned],
      ["issuer + forged", T.appendProof(single, T.forgedProof(other, NOW))],
      ["issuer + unrelated valid key", await T.addProof(single, other, { now: NOW })],
      [
        "forged + co-signer",
        T.appendProof(await T.signCredential(unsigned, p256, { now: NOW }), T.forgedProof(issuer, NOW)),
      ],
      ["co-signed, then content changed", T.tamper(cosigned, "name", "Consultant Surgeon")],
      [
        "issuer + malformed purpose",
        T.appendProof(single, { ...proofList(cosigned)[1]!, proofPurpose: "authentication" }),
      ],
    ];
  };

  it("each proof agrees with the reference on that proof alone; the set passes only when all do", async () => {
    for (const [label, set] of await sets()) {
      const proofs = proofList(set);
      // The reference's opinion on each proof alone (signature and key authorisation, not issuer binding).
      const perProof = await Promise.all(proofs.map((proof) => R.verifyProofsOnly({ ...set, proof })));
      const result = await ours(set);
      const details = checkOf(result, "proof").details ?? {};
      perProof.forEach((verified, i) =>
        expect(details[`signature ${i + 1}`]?.startsWith("valid:"), `${label}: signature ${i + 1}`).toBe(verified),
      );
      // Every proof valid and one of them the issuer's ⇔ verified.
      const issuerSigned = proofs.some((p) => p.verificationMethod === issuer.verificationMethod);
      expect(allPassed(result), label).toBe(perProof.every(Boolean) && issuerSigned);
    }
  });

  it("pinned divergence: the reference verifies a set as soon as one proof does; Tessera does not", async () => {
    const forged = T.appendProof(single, T.forgedProof(other, NOW));
    expect(await reference(forged)).toBe(true);
    expect((await ours(forged)).verdict).toBe("not-verified");
  });
});

describe("malformed and unsupported proofs: never verified by either", () => {
  it.each<[string, T.HandProofOptions]>([
    ["no proofPurpose", { omit: ["proofPurpose"] }],
    ["proofPurpose authentication", { fields: { proofPurpose: "authentication" } }],
    ["type/cryptosuite pair that does not exist", { fields: { type: "Ed25519Signature2020" }, lenient: true }],
    ["DataIntegrityProof without cryptosuite", { omit: ["cryptosuite"] }],
    ["no verificationMethod", { omit: ["verificationMethod"] }],
    ["created not a date", { fields: { created: "yesterday" } }],
    ["unsupported cryptosuite", { fields: { cryptosuite: "ecdsa-sd-2023" } }],
  ])("%s", async (_label, options) => {
    const signed = await T.signProof(unsigned, issuer, { now: NOW, ...options });
    expect(await reference(signed)).toBe(false);
    expect(allPassed(await ours(signed))).toBe(false);
  });

  it("the same proof, well formed, is verified by both (the hand signer is sound)", async () => {
    const signed = await T.signProof(unsigned, issuer, { now: NOW });
    expect(await reference(signed)).toBe(true);
    expect(allPassed(await ours(signed))).toBe(true);
  });
});

describe("dates without a time zone", () => {
  const signedWith = (credential: Record<string, unknown>) => T.signCredential(credential, issuer, { now: NOW });

  it("VC 1.1 issuanceDate without a time zone: both verify; Tessera says it read it as UTC", async () => {
    const v1 = T.buildOpenBadgeCredential(issuer.did, { now: NOW, vcVersion: 1 });
    const signed = await signedWith({ ...v1, issuanceDate: "2026-05-01T00:00:00" });
    expect(await reference(signed)).toBe(true);
    const result = await ours(signed);
    expect(allPassed(result)).toBe(true);
    expect(checkOf(result, "validity").details).toMatchObject({
      validFrom: "2026-05-01T00:00:00.000Z",
      timeZone: "issuanceDate had no time zone; read as UTC",
    });
  });

  it("pinned divergence: VC 2.0 validFrom without a time zone — the reference accepts, Tessera fails it", async () => {
    const signed = await signedWith({ ...unsigned, validFrom: "2026-05-01T00:00:00" });
    expect(await reference(signed)).toBe(true);
    const result = await ours(signed);
    expect(statusOf(result)).toMatchObject({ proof: "passed", validity: "failed" });
  });
});

describe("JOSE issuers without DIDs: agreement with jose", () => {
  const oursJwt = async (token: string, documents: Record<string, unknown>, anchors?: string[]) =>
    verifyCredential(
      jwtInput(token),
      deps(documents, { holder: undefined, proofCache: undefined, ...(anchors ? { x509TrustAnchors: anchors } : {}) }),
    );
  const referenceJwt = (token: string, documents: Record<string, unknown>) =>
    R.verifyJoseJwt(token, { documents, now: NOW }).then(
      () => true,
      () => false,
    );

  it("metadata key sets and kid URLs, every algorithm, and tampers of payload, header and kid", async () => {
    for (const alg of ["EdDSA", "ES256", "ES384", "ES512", "PS256", "RS256"] as const) {
      for (const publish of ["jwks", "jwks_uri", "kid"] as const) {
        const iss = "https://issuer.example/tenant/7";
        const kid = publish === "kid" ? `${iss}/keys/${alg}.json` : undefined;
        const jose = await T.createJoseIssuer({ iss, alg, publish, kid });
        const token = await T.issueOpenBadgeJwt(jose, { now: NOW });
        const variants = [
          token,
          T.tamperJwt(token, "name", "Consultant Surgeon"),
          T.tamperJwt(token, "kid", "another-key", "header"),
          T.tamperJwt(token, "alg", alg === "ES256" ? "ES384" : "ES256", "header"),
          T.tamperJwt(token, "iss", "https://attacker.example"),
        ];
        for (const [i, variant] of variants.entries()) {
          const expected = await referenceJwt(variant, jose.documents);
          expect(allPassed(await oursJwt(variant, jose.documents)), `${alg} ${publish} variant ${i}`).toBe(expected);
          if (i > 0) expect(expected, `${alg} ${publish} variant ${i}`).toBe(false);
        }
      }
    }
  });

  it("x5c: the signature verdict agrees with jose's importX509 (the chain is ours alone to judge)", async () => {
    for (const alg of ["ES256", "PS256", "EdDSA"] as const) {
      const signer = await T.createX5cSigner({ iss: "https://issuer.example", alg });
      const token = await T.issueOpenBadgeJwt(signer, { now: NOW });
      for (const variant of [token, T.tamperJwt(token, "name", "Forged")]) {
        const proof = statusOf(await oursJwt(variant, {})).proof === "passed";
        expect(proof, alg).toBe(await referenceJwt(variant, {}));
        const trusted = await oursJwt(variant, {}, [signer.root.pem]);
        expect(allPassed(trusted), alg).toBe(await referenceJwt(variant, {}));
      }
    }
  });
});
