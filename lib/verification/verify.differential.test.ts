/**
 * Tessera's verifier must agree with the reference pipeline (@digitalbazaar/vc for embedded
 * proofs, jose for VC-JWT and JAdES — testkit/verification/reference-verify.ts) on every
 * test-issuer credential and every tamper: reference "verified" ⇔ our proof, issuer and validity
 * checks all passed. (Status and recipient are outside the reference's scope.)
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as R from "@/testkit/verification/reference-verify";
import * as T from "@/test-issuer";
import { NOW, deps, diInput, jadesInput, jwtInput, statusOf } from "@/testkit/verification/helpers";
import type { VerifyInput } from "./types";
import { verifyCredential } from "./verify";

const noStatus = async () => ({ verified: true });
const embedded: Array<[string, T.SignedCredential]> = [];
const tokens: Array<[string, string]> = [];
let edc: T.IssuedEdc;

async function ours(input: VerifyInput): Promise<boolean> {
  const s = statusOf(await verifyCredential(input, deps({}, { holder: undefined, proofCache: undefined })));
  return s.proof === "passed" && s.issuer === "passed" && s.validity === "passed";
}

const referenceEmbedded = async (credential: object) =>
  (await R.verifyEmbedded(credential, { now: NOW, checkStatus: noStatus })).verified;
const referenceJwt = (token: string) =>
  R.verifyVcJwt(token, { now: NOW }).then(
    () => true,
    () => false,
  );
const referenceJades = (jades: T.JadesSeal) =>
  R.verifyJades(jades).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  const [ed, p256, other] = await Promise.all([T.createEd25519Issuer(), T.createP256Issuer(), T.createEd25519Issuer()]);
  const list = await T.createStatusList(ed, { now: NOW });
  embedded.push(
    ["OB 3.0 eddsa-rdfc-2022", await T.issueOpenBadge(ed, { now: NOW, status: list.entry(3) })],
    ["OB 3.0 ecdsa-rdfc-2019", await T.issueOpenBadge(p256, { now: NOW })],
    ["OB 3.0 Ed25519Signature2020", await T.issueOpenBadgeEd25519Signature2020(ed, { now: NOW })],
    ["OB 3.0 VC 1.1 + eddsa", await T.issueOpenBadge(ed, { now: NOW, vcVersion: 1 })],
    ["CLR 2.0", await T.issueClr(ed, { now: NOW })],
    ["VC 2.0 generic", await T.issueVc2(ed, { now: NOW, validUntil: "2027-01-01T00:00:00Z" })],
    ["status list", list.credential],
    ["expired", await T.issueOpenBadge(ed, { now: "2024-01-01T00:00:00Z", validUntil: "2025-01-01T00:00:00Z" })],
    ["not yet valid", await T.issueOpenBadge(ed, { now: NOW, validFrom: "2027-01-01T00:00:00Z" })],
    [
      "someone else's key",
      await T.signCredential(T.buildOpenBadgeCredential(ed.did, { now: NOW }), other, { now: NOW }),
    ],
  );
  tokens.push(
    ["EdDSA vc-jose", await T.issueOpenBadgeJwt(ed, { now: NOW })],
    ["EdDSA vc-claim", await T.issueOpenBadgeJwt(ed, { now: NOW, style: "vc-claim" })],
    ["ES256", await T.issueOpenBadgeJwt(p256, { now: NOW })],
    [
      "expired JWT",
      await T.issueOpenBadgeJwt(ed, {
        now: NOW,
        validFrom: "2025-01-01T00:00:00Z",
        validUntil: "2025-06-01T00:00:00Z",
      }),
    ],
  );
  edc = await T.issueEdc({ now: NOW });
});

function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value).filter(([k]) => k !== "@context");
  return entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

describe("agreement with the reference pipeline", () => {
  it("embedded proofs: every credential and a tamper of every field of the main one", async () => {
    for (const [label, credential] of embedded)
      expect(await ours(diInput(credential)), label).toBe(await referenceEmbedded(credential));
    const [, main] = embedded[0]!;
    const [, other] = embedded[1]!;
    const variants: Array<[string, object]> = leafPaths(main).map((path) => [
      path.join("."),
      T.tamper(main, path, typeof T.at(main, path) === "string" ? "tampered" : 7),
    ]);
    variants.push(
      ["swapped proof", T.swapProof(main, other)],
      ["no proof", T.tamper(main, "proof", T.REMOVE)],
      ["extra term", T.tamper(main, "learningHours", 25)],
    );
    for (const [label, variant] of variants) {
      const expected = await referenceEmbedded(variant);
      expect(await ours(diInput(variant)), label).toBe(expected);
      if (!label.startsWith("proof.created")) expect(expected, label).toBe(false);
    }
  });

  it("VC-JWT: every token and payload/header tampers", async () => {
    for (const [label, token] of tokens) {
      expect(await ours(jwtInput(token)), label).toBe(await referenceJwt(token));
      for (const variant of [
        T.tamperJwt(token, "jti", "urn:uuid:forged"),
        T.tamperJwt(token, "alg", "ES256", "header"),
        T.tamperJwt(token, "kid", "did:key:z6Mkforged", "header"),
      ]) {
        expect(await ours(jwtInput(variant)), label).toBe(await referenceJwt(variant));
      }
    }
  });

  it("JAdES: the seal and tampered seals", async () => {
    for (const jades of [edc.jades, T.tamperJades(edc.jades, "validFrom", "2020-01-01T00:00:00Z")]) {
      const proof = statusOf(await verifyCredential(jadesInput(jades), deps())).proof === "passed";
      expect(proof).toBe(await referenceJades(jades));
    }
  });

  it("random mutations of a signed credential (fast-check)", async () => {
    const [, main] = embedded[0]!;
    const paths = leafPaths(main);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(T.REMOVE)),
        async (path, value) => {
          const mutated = T.tamper(main, path, value);
          expect(await ours(diInput(mutated))).toBe(await referenceEmbedded(mutated));
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});
