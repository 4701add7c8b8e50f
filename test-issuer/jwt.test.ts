import { decodeJwt, decodeProtectedHeader, errors } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentLoader } from "@/lib/verification/document-loader";
import { issueOpenBadgeJwt, signVcJwt } from "./jwt";
import { createEd25519Issuer, createP256Issuer, createRsaKey, type RsaKey, type TestIssuer } from "./keys";
import { buildOpenBadgeCredential } from "./ob3";
import { verifyVcJwt } from "@/testkit/verification/reference-verify";
import { tamperJwt } from "./tamper";

let ed25519: TestIssuer;
let p256: TestIssuer;
let rsa: RsaKey;
const NOW = "2026-03-02T09:00:00Z";

beforeAll(async () => {
  [ed25519, p256, rsa] = await Promise.all([createEd25519Issuer(), createP256Issuer(), createRsaKey()]);
});

describe("VC-JWT", () => {
  it("VC 2.0 VC-JOSE style (EdDSA): payload is the credential, typ vc+jwt, kid is the DID URL", async () => {
    const jwt = await issueOpenBadgeJwt(ed25519, {
      now: NOW,
      validUntil: "2030-01-01T00:00:00Z",
      recipientId: "did:example:nurse",
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "EdDSA", kid: ed25519.verificationMethod, typ: "vc+jwt" });
    const payload = decodeJwt(jwt);
    expect(payload).toMatchObject({
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      ],
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      iss: ed25519.did,
      sub: "did:example:nurse",
      nbf: Date.parse(NOW) / 1000,
      exp: Date.parse("2030-01-01T00:00:00Z") / 1000,
      validFrom: NOW,
    });
    expect(payload.jti).toBe(payload.id);
    expect(payload).not.toHaveProperty("proof");
    const { payload: verified } = await verifyVcJwt(jwt, { now: NOW });
    expect(verified.iss).toBe(ed25519.did);
  });

  it("VC-JOSE without registered claims is still verifiable (pure VC-JOSE-COSE)", async () => {
    const credential = buildOpenBadgeCredential(ed25519.did, { now: NOW });
    const jwt = await signVcJwt(credential, ed25519, { registeredClaims: false });
    expect(decodeJwt(jwt)).not.toHaveProperty("iss");
    expect(decodeJwt(jwt)).toMatchObject({ issuer: { id: ed25519.did } });
    await expect(verifyVcJwt(jwt, { now: NOW })).resolves.toBeDefined();
  });

  it("a JWT signed by one did:key but claiming another issuer fails the issuer binding", async () => {
    const forged = await signVcJwt(buildOpenBadgeCredential("did:key:z6MkSomeoneElse", { now: NOW }), ed25519, {
      registeredClaims: false,
    });
    await expect(verifyVcJwt(forged, { now: NOW })).rejects.toThrow(/not the controller/);
  });

  it("VC 1.1 style (ES256): the credential under the vc claim, typ JWT", async () => {
    const jwt = await issueOpenBadgeJwt(p256, { now: NOW, style: "vc-claim" });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "ES256", kid: p256.verificationMethod, typ: "JWT" });
    const payload = decodeJwt(jwt) as { vc: Record<string, unknown>; iss: string; jti: string };
    expect(payload.vc["@context"]).toContain("https://www.w3.org/2018/credentials/v1");
    expect(payload.vc.issuanceDate).toBe(NOW);
    expect(payload.jti).toBe(payload.vc.id);
    await expect(verifyVcJwt(jwt, { now: NOW })).resolves.toBeDefined();
  });

  it("RS256 with a did:web kid resolves only through the injected resolver", async () => {
    const jwt = await issueOpenBadgeJwt(rsa, { now: NOW });
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: "RS256", kid: "did:web:issuer.test#rsa-key-1" });
    await expect(verifyVcJwt(jwt, { now: NOW })).rejects.toThrow(/did:web resolution is disabled/);
    const documentLoader = createDocumentLoader({
      resolveDidWeb: async (did) => (did === rsa.did ? rsa.didDocument : undefined),
    });
    await expect(verifyVcJwt(jwt, { now: NOW, documentLoader })).resolves.toBeDefined();
  });

  it("an edited payload, a foreign signature or an expired token is rejected by jose", async () => {
    const jwt = await issueOpenBadgeJwt(ed25519, { now: NOW, validUntil: "2027-01-01T00:00:00Z" });
    await expect(verifyVcJwt(tamperJwt(jwt, "name", "Advanced Life Support"), { now: NOW })).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
    const other = await issueOpenBadgeJwt(ed25519, { now: NOW });
    const [h, p] = jwt.split(".");
    await expect(verifyVcJwt(`${h}.${p}.${other.split(".")[2]}`, { now: NOW })).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
    await expect(verifyVcJwt(jwt, { now: "2028-01-01T00:00:00Z" })).rejects.toBeInstanceOf(errors.JWTExpired);
    await expect(verifyVcJwt(tamperJwt(jwt, "alg", "none", "header"), { now: NOW })).rejects.toThrow();
  });
});
