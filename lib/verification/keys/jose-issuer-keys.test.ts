/**
 * The JOSE issuer key source as a module (reused as is by the SD-JWT VC verifier): given iss, kid,
 * header and alg it returns keys bound to the issuer, or a typed failure — it never throws.
 */
import { describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { NOW, offlineFetch } from "@/testkit/verification/helpers";
import { NO_KEY_SOURCE_REASON, resolveJoseIssuerKeys } from "./jose-issuer-keys";
import { issuerMetadataUrl } from "./jwt-vc-issuer";
import { KeyResolutionError } from "./resolved";

const env = (documents: Record<string, unknown> = {}) => ({ fetch: offlineFetch(documents).fetch, now: () => NOW });

describe("issuerMetadataUrl (SD-JWT VC: the well-known segment between host and path)", () => {
  it.each([
    ["https://example.com", "https://example.com/.well-known/jwt-vc-issuer"],
    ["https://example.com/tenant/1234", "https://example.com/.well-known/jwt-vc-issuer/tenant/1234"],
    ["https://example.com/tenant/1234/", "https://example.com/.well-known/jwt-vc-issuer/tenant/1234"],
    ["https://example.com:8443/x", "https://example.com:8443/.well-known/jwt-vc-issuer/x"],
  ])("%s → %s", (iss, url) => expect(issuerMetadataUrl(iss)).toBe(url));

  it("refuses identifiers with a query or fragment, and non-web identifiers", () => {
    const problem = (iss: string) => {
      try {
        issuerMetadataUrl(iss);
      } catch (error) {
        return (error as KeyResolutionError).problem;
      }
    };
    expect(problem("https://example.com/?tenant=1")).toBe("invalid");
    expect(problem("https://example.com/#x")).toBe("invalid");
    expect(problem("urn:example:issuer")).toBe("unsupported");
  });
});

describe("resolveJoseIssuerKeys", () => {
  it("issuer metadata → keys controlled by iss, with where they were found", async () => {
    const issuer = await T.createJoseIssuer({ iss: "https://issuer.example", alg: "ES512" });
    const found = await resolveJoseIssuerKeys(
      { iss: issuer.iss, kid: issuer.verificationMethod, header: {}, alg: "ES512" },
      env(issuer.documents),
    );
    expect(found).toMatchObject({
      ok: true,
      source: "jwt-vc-issuer",
      keys: [{ controller: issuer.iss, curve: "P-521", method: "jwt-vc-issuer", assertion: true }],
    });
  });

  it("a DID kid → the DID path; an x5c header → the certificate path", async () => {
    const did = await T.createEd25519Issuer();
    expect(
      await resolveJoseIssuerKeys({ iss: did.did, kid: did.verificationMethod, header: {}, alg: "EdDSA" }, env()),
    ).toMatchObject({ ok: true, source: "did", keys: [{ controller: did.did }] });
    const signer = await T.createX5cSigner({ iss: "https://issuer.example" });
    expect(
      await resolveJoseIssuerKeys(
        { iss: "https://issuer.example", header: { x5c: signer.chain }, alg: "ES256" },
        { ...env(), x509TrustAnchors: [signer.root.pem] },
      ),
    ).toMatchObject({ ok: true, source: "x5c", keys: [{ controller: "https://issuer.example", method: "x5c" }] });
  });

  it("typed failures, never exceptions", async () => {
    const issuer = await T.createJoseIssuer({ iss: "https://issuer.example" });
    expect(
      await resolveJoseIssuerKeys({ iss: issuer.iss, kid: "nope", header: {}, alg: "ES256" }, env(issuer.documents)),
    ).toMatchObject({ ok: false, source: "jwt-vc-issuer", problem: "not-listed" });
    expect(await resolveJoseIssuerKeys({ iss: issuer.iss, header: {}, alg: "ES256" }, env())).toMatchObject({
      ok: false,
      problem: "unreachable",
    });
    expect(await resolveJoseIssuerKeys({ header: { x5c: 5 }, alg: "ES256" }, env())).toMatchObject({
      ok: false,
      source: "x5c",
      problem: "invalid",
    });
    expect(
      await resolveJoseIssuerKeys({ iss: "urn:x", header: { jwk: issuer.publicJwk }, alg: "ES256" }, env()),
    ).toEqual({
      ok: false,
      problem: "unsupported",
      reason: NO_KEY_SOURCE_REASON,
      detail: "no DID, issuer metadata or x5c",
    });
  });
});
