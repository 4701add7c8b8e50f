import { beforeAll, describe, expect, it } from "vitest";
import { verifyEmbedded } from "@/testkit/verification/reference-verify";
import {
  createEd25519Issuer,
  issueOpenBadge,
  signCredential,
  tamper,
  type SignedCredential,
  type TestIssuer,
} from "@/test-issuer";
import { NOW, checkOf, deps, diInput } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

const VC_V2 = "https://www.w3.org/ns/credentials/v2";
const EXAMPLES = "https://www.w3.org/ns/credentials/examples/v2";
const EX = "https://example.org/terms#";
let issuer: TestIssuer;
let badge: SignedCredential;

beforeAll(async () => {
  issuer = await createEd25519Issuer();
  badge = await issueOpenBadge(issuer, { now: NOW });
});

/** A generic credential with an inline context naming two claims. */
function inlineCredential(context: Record<string, string>, subject: Record<string, string>) {
  return {
    "@context": [VC_V2, context],
    type: ["VerifiableCredential"],
    issuer: issuer.did,
    validFrom: "2026-06-01T09:00:00Z",
    credentialSubject: { id: "did:example:nurse", ...subject },
  };
}

describe("docs/threat-model.md E6: exact context allowlist", () => {
  it("an unbundled context URL is refused by name with zero requests", async () => {
    const d = deps();
    const result = await verifyCredential(
      diInput(tamper(badge, "@context[2]", "https://evil.example/context.jsonld")),
      d,
    );
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      details: { context: "https://evil.example/context.jsonld" },
    });
    expect(checkOf(result, "proof").reason).toContain("https://evil.example/context.jsonld");
    expect(d.net.calls).toEqual([]);
    expect(d.net.lookups).toEqual([]);
  });

  it("a context swap that keeps the signed RDF is refused, although the signature verifies", async () => {
    const signed = await signCredential(
      inlineCredential({ role: `${EX}role`, ward: `${EX}ward` }, { role: "Healthcare assistant", ward: "Cardiology" }),
      issuer,
      { now: NOW },
    );
    // Swap the term definitions and the values: the JSON now reads "role: Cardiology"… and the
    // RDF — what the signature covers — is unchanged.
    const swapped = {
      ...signed,
      "@context": [VC_V2, { role: `${EX}ward`, ward: `${EX}role` }],
      credentialSubject: { id: "did:example:nurse", role: "Cardiology", ward: "Healthcare assistant" },
    };
    expect((await verifyEmbedded(swapped, { now: NOW })).verified).toBe(true); // the plain library is fooled
    const result = await verifyCredential(diInput(swapped), deps());
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/defines its own vocabulary inline/),
    });
    expect(result.verdict).not.toBe("verified");
  });

  it("an inline @vocab on a validly signed credential never yields verified", async () => {
    const signed = await signCredential(
      inlineCredential({ "@vocab": EX }, { name: "Aoife Byrne", credentialStatus: "none" }),
      issuer,
      { now: NOW },
    );
    expect((await verifyEmbedded(signed, { now: NOW })).verified).toBe(true);
    expect((await verifyCredential(diInput(signed), deps())).verdict).toBe("unknown");
  });

  it("an inline context nested inside the credential is refused too", async () => {
    const nested = tamper(badge, "credentialSubject.@context", { name: `${EX}name` });
    expect(checkOf(await verifyCredential(diInput(nested), deps()), "proof").status).toBe("unknown");
  });

  it("a field no bundled context defines (safe mode) is unknown, not verified", async () => {
    const extra = tamper(badge, "credentialSubject.learningHours", 25);
    const result = await verifyCredential(diInput(extra), deps());
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/learningHours/),
    });
  });
});

describe("docs/threat-model.md E7: canonicalization cost", () => {
  it("a poison graph of interlinked blank nodes → unknown: too complex, within 2 s", async () => {
    const n = 12;
    const nodes = Array.from({ length: n }, (_, i) => ({
      id: `_:n${i}`,
      type: "Node",
      knows: Array.from({ length: n }, (_, j) => ({ id: `_:n${j}` })).filter((_, j) => j !== i),
    }));
    const poison = {
      "@context": [VC_V2, EXAMPLES],
      type: ["VerifiableCredential"],
      issuer: issuer.did,
      validFrom: "2026-06-01T09:00:00Z",
      credentialSubject: { id: "did:example:x", related: nodes },
      proof: badge.proof,
    };
    const started = performance.now();
    const result = await verifyCredential(diInput(poison), deps());
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      reason: "This credential is too large or too complex to check safely.",
    });
  });

  it("a 5 MB credential → unknown: too complex, within 2 s", async () => {
    const huge = tamper(badge, "description", "x".repeat(5 * 1024 * 1024));
    const started = performance.now();
    const result = await verifyCredential(diInput(huge), deps());
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(checkOf(result, "proof").reason).toBe("This credential is too large or too complex to check safely.");
  });
});
