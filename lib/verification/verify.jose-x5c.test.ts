/**
 * VC-JWT / VC-JOSE issuers whose key is in an `x5c` certificate (keys/x509-chain.ts): the signature
 * is always checked; whose key it is only a configured trust list can say (TESSERA_X509_TRUST_ANCHORS).
 * Every algorithm Tessera accepts, chains with an intermediate, strangers, expiry, someone else's name.
 */
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { NOW, checkOf, deps, jwtInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

const ISS = "https://issuer.example";
const ALGS: T.JwtAlg[] = ["EdDSA", "ES256", "ES384", "ES512", "PS256", "RS256"];

const issue = (signer: T.JwtSigner, options: T.Ob3Options = {}) =>
  T.issueOpenBadgeJwt(signer, { now: NOW, ...options });
const verify = (token: string, documents: Record<string, unknown> = {}, overrides = {}) => {
  const d = deps(documents, { holder: undefined, ...overrides });
  return verifyCredential(jwtInput(token), d).then((result) => ({ result, calls: d.net.calls }));
};

describe("x5c certificates", () => {
  it("no trust list: the signature is checked, the chain is reported as not checked, the issuer unconfirmed", async () => {
    const signer = await T.createX5cSigner({ iss: "urn:example:issuer" });
    const { result, calls } = await verify(await issue(signer));
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "unknown" });
    expect(result.verdict).toBe("unknown");
    expect(checkOf(result, "proof").details?.ignoredHeaderKeys).toBeUndefined();
    expect(checkOf(result, "issuer")).toMatchObject({
      reason:
        "The issuer's certificate was not checked against a list of trusted authorities, so Tessera cannot confirm the signing key is the issuer's.",
      details: { method: "X.509 certificate", certificateChain: "not checked (no trust list is configured)" },
    });
    expect(calls).toEqual([]);
  });

  it.each(ALGS)("%s leaf certified by a trusted root for the issuer → verified", async (alg) => {
    const signer = await T.createX5cSigner({ iss: ISS, alg });
    const { result } = await verify(await issue(signer), {}, { x509TrustAnchors: [signer.root.pem] });
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "issuer").details).toMatchObject({
      certificateChain: "checked against the configured trust list",
      keyController: ISS,
    });
  });

  it("through an intermediate CA → verified; the metadata is not consulted when a trust list is set", async () => {
    const signer = await T.createX5cSigner({ iss: ISS, intermediate: true });
    const { result, calls } = await verify(await issue(signer), {}, { x509TrustAnchors: [signer.root.pem] });
    expect(result.verdict).toBe("verified");
    expect(calls).toEqual([]);
  });

  it("a chain to an authority that is not on the trust list → issuer unknown", async () => {
    const signer = await T.createX5cSigner({ iss: ISS });
    const stranger = await T.createTestCa({ name: "Some Other CA" });
    const { result } = await verify(await issue(signer), {}, { x509TrustAnchors: [stranger.pem] });
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "unknown" });
    expect(checkOf(result, "issuer")).toMatchObject({
      reason:
        "The issuer's certificate does not lead to an authority Tessera trusts, so Tessera cannot confirm the signing key is the issuer's.",
      details: { certificateChain: "not trusted: the chain does not lead to a trusted certificate authority" },
    });
  });

  it("a trusted certificate issued to someone else → issuer failed", async () => {
    const signer = await T.createX5cSigner({ iss: ISS, dns: ["other.example"], uris: ["https://other.example"] });
    const { result } = await verify(await issue(signer), {}, { x509TrustAnchors: [signer.root.pem] });
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "failed" });
    expect(checkOf(result, "issuer").reason).toBe(
      "The credential was signed with a key that belongs to someone other than its named issuer.",
    );
  });

  it("an expired leaf certificate → issuer unknown (not trusted now)", async () => {
    const signer = await T.createX5cSigner({
      iss: ISS,
      notBefore: new Date("2024-01-01T00:00:00Z"),
      notAfter: new Date("2025-01-01T00:00:00Z"),
    });
    const { result } = await verify(await issue(signer), {}, { x509TrustAnchors: [signer.root.pem] });
    expect(checkOf(result, "issuer").details?.certificateChain).toMatch(
      /^not trusted: certificate .* is not valid now$/,
    );
  });

  it("an edited payload under a certified key → proof failed", async () => {
    const signer = await T.createX5cSigner({ iss: ISS });
    const token = T.tamperJwt(await issue(signer), "name", "Consultant Surgeon");
    const { result } = await verify(token, {}, { x509TrustAnchors: [signer.root.pem] });
    expect(statusOf(result)).toMatchObject({ proof: "failed" });
  });

  it("an https issuer whose metadata cannot be reached falls back to its x5c (chain not checked)", async () => {
    const signer = await T.createX5cSigner({ iss: ISS });
    const { result, calls } = await verify(await issue(signer));
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "unknown" });
    expect(calls).toEqual([`${ISS}/.well-known/jwt-vc-issuer`]);
  });

  it("a malformed x5c → could not check", async () => {
    const signer = await T.createX5cSigner({ iss: "urn:example:issuer" });
    const token = await issue({ ...signer, header: { x5c: ["not a certificate!"] } });
    expect(checkOf((await verify(token)).result, "proof")).toMatchObject({
      status: "unknown",
      details: { keySource: "x5c" },
    });
  });
});

describe("issuers with nothing to find a key by", () => {
  it("no DID, no metadata address, no certificate → could not check, with why", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS });
    const token = await new SignJWT({ ...T.buildOpenBadgeCredential("urn:example:issuer", { now: NOW }) })
      .setProtectedHeader({ alg: "ES256", kid: "k" })
      .sign(issuer.privateKey);
    expect(checkOf((await verify(token)).result, "proof").reason).toBe(
      "The issuer does not publish its key in a way Tessera can check (no DID, no JWT VC issuer metadata, no certificate), so the signature cannot be checked.",
    );
  });
});
