import { describe, expect, it } from "vitest";
import { buildPresentation, signedFormOf, type SignableCredential } from "./presentation";

const jsonLd = {
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  proof: { type: "DataIntegrityProof", proofValue: "z58D" },
};
const jwt = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2ln";

function credential(overrides: Partial<SignableCredential>): SignableCredential {
  return {
    format: "ob3",
    securing: "data-integrity",
    selfReported: false,
    payload: jsonLd,
    signed: null,
    ...overrides,
  };
}

describe("the signed form of a shared credential", () => {
  it("keeps JSON-LD exactly as stored, proof and all", () => {
    const form = signedFormOf(credential({}));
    expect(form).toEqual({ kind: "json-ld", credential: jsonLd });
    if (form.kind === "json-ld") expect(form.credential).toBe(jsonLd);
  });

  it("carries a JWT-secured credential as its compact token", () => {
    expect(
      signedFormOf(
        credential({
          format: "vc",
          securing: "vc-jwt",
          signed: { kind: "compact-jws", token: jwt },
          payload: { vc: {} },
        }),
      ),
    ).toEqual({ kind: "jwt", token: jwt });
  });

  it.each([
    ["self-reported", { format: "self-reported", selfReported: true, securing: "none" }, /self-reported/],
    ["Open Badges 2.0", { format: "ob2", securing: "hosted", payload: { type: "Assertion" } }, /Open Badges 2\.0/],
    [
      "Open Badges 2.0 signed",
      { format: "ob2", securing: "jws", signed: { kind: "compact-jws" as const, token: jwt } },
      /Open Badges 2\.0/,
    ],
    [
      "JAdES-sealed EDC",
      { format: "edc", securing: "jades", signed: { kind: "jades" as const, jws: { payload: "x" } } },
      /JAdES/,
    ],
    ["EDCI XML", { format: "edc", securing: "xades", payload: { credential: {} } }, /EDCI XML/],
    [
      "SD-JWT",
      { format: "vc", securing: "vc-jwt", signed: { kind: "sd-jwt" as const, token: `${jwt}~WyJ4Il0~` } },
      /SD-JWT/,
    ],
    ["JSON without a context", { payload: { id: "urn:x" } }, /does not hold/],
  ])("leaves out %s, saying why", (_label, overrides, reason) => {
    const form = signedFormOf(credential(overrides as Partial<SignableCredential>));
    expect(form.kind).toBe("none");
    if (form.kind === "none") expect(form.reason).toMatch(reason);
  });
});

describe("the share's Verifiable Presentation", () => {
  it("is an unsigned VP 2.0 holding each credential in its signed form, in order", () => {
    const built = buildPresentation([
      { id: "a", title: "BLS", form: { kind: "json-ld", credential: jsonLd } },
      {
        id: "b",
        title: "Paper certificate",
        form: { kind: "none", reason: "A self-reported certificate has no signed credential to include." },
      },
      { id: "c", title: "Sepsis", form: { kind: "jwt", token: jwt } },
    ]);
    expect(built.presentation).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiablePresentation"],
      verifiableCredential: [
        jsonLd,
        {
          "@context": "https://www.w3.org/ns/credentials/v2",
          id: `data:application/vc+jwt,${jwt}`,
          type: "EnvelopedVerifiableCredential",
        },
      ],
    });
    expect(built.included).toEqual(["a", "c"]);
    expect(built.excluded).toEqual([
      {
        id: "b",
        title: "Paper certificate",
        reason: "A self-reported certificate has no signed credential to include.",
      },
    ]);
    expect(built.presentation).not.toHaveProperty("holder");
    expect(built.presentation).not.toHaveProperty("proof");
  });

  it("is still a valid presentation when nothing can be included", () => {
    expect(buildPresentation([]).presentation.verifiableCredential).toEqual([]);
  });
});
