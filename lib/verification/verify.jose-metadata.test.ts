/**
 * VC-JWT / VC-JOSE issuers without a DID (keys/jose-issuer-keys.ts): keys from JWT VC issuer
 * metadata (inline jwks or a jwks_uri) or a kid URL under the issuer's address, fetched through the
 * guarded fetcher from the document bundle or a loopback test server. Every algorithm Tessera
 * accepts; every way the key could fail to be the issuer's. x5c certificates: verify.jose-x5c.test.ts.
 */
import { base64url } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { createGuardedFetch } from "@/lib/net";
import { startCanary, startDocumentServer, type DocumentServer, type TestServer } from "@/testkit/net/test-servers";
import { NOW, checkOf, deps, jwtInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

const ISS = "https://issuer.example";
const ALGS: T.JwtAlg[] = ["EdDSA", "ES256", "ES384", "ES512", "PS256", "RS256"];
let canary: TestServer;
let server: DocumentServer;

beforeAll(async () => {
  [canary, server] = await Promise.all([startCanary(), startDocumentServer()]);
});
afterAll(async () => {
  await Promise.all([canary.close(), server.close()]);
});

const issue = (signer: T.JwtSigner, options: T.Ob3Options = {}) =>
  T.issueOpenBadgeJwt(signer, { now: NOW, ...options });
const verify = (token: string, documents: Record<string, unknown> = {}, overrides = {}) => {
  const d = deps(documents, { holder: undefined, ...overrides });
  return verifyCredential(jwtInput(token), d).then((result) => ({ result, calls: d.net.calls }));
};

describe("JWT VC issuer metadata", () => {
  it.each(ALGS)("%s, keys inline in the metadata (document bundle) → verified", async (alg) => {
    const issuer = await T.createJoseIssuer({ iss: ISS, alg });
    const { result, calls } = await verify(await issue(issuer), issuer.documents);
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "proof").details).toMatchObject({
      method: `VC-JWT ${alg}`,
      keyId: `${issuer.metadataUrl}#${issuer.verificationMethod}`,
    });
    expect(checkOf(result, "issuer")).toMatchObject({
      status: "passed",
      details: {
        method: "JWT VC issuer metadata",
        issuerMetadata: `${ISS}/.well-known/jwt-vc-issuer`,
        keyController: ISS,
      },
    });
    expect(calls).toEqual([`${ISS}/.well-known/jwt-vc-issuer`]);
  });

  it("keys at the jwks_uri the metadata names (another host) → verified, both documents fetched", async () => {
    const jwksUri = "https://keys.issuer-cdn.example/northbridge.jwks";
    const issuer = await T.createJoseIssuer({ iss: `${ISS}/tenant/7`, publish: "jwks_uri", jwksUri, alg: "ES384" });
    const { result, calls } = await verify(await issue(issuer), issuer.documents);
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "issuer").details).toMatchObject({ jwksUri });
    expect(calls).toEqual([`${ISS}/.well-known/jwt-vc-issuer/tenant/7`, jwksUri]);
  });

  it("from a loopback test server: metadata under the iss path, key set by reference", async () => {
    const iss = `${server.origin}/tenant/7`;
    const issuer = await T.createJoseIssuer({
      iss,
      publish: "jwks_uri",
      jwksUri: `${server.origin}/keys.jwks`,
      alg: "PS256",
    });
    for (const [url, doc] of Object.entries(issuer.documents)) server.serve(new URL(url).pathname, doc);
    const fetch = createGuardedFetch({ allowLoopbackPlainHttp: { port: server.port } });
    const result = await verifyCredential(jwtInput(await issue(issuer)), { fetch, now: () => NOW });
    expect(result.verdict).toBe("verified");
    expect(server.requests).toEqual(["/.well-known/jwt-vc-issuer/tenant/7", "/keys.jwks"]);
  });

  it("no kid: every published key that can make the algorithm is tried", async () => {
    const other = await T.createJoseIssuer({ iss: ISS, alg: "ES256", kid: "old" });
    const issuer = await T.createJoseIssuer({ iss: ISS, alg: "ES256", extraKeys: [other.publicJwk] });
    const token = await issue({ ...issuer, verificationMethod: "" });
    expect((await verify(token, issuer.documents)).result.verdict).toBe("verified");
  });
});

describe("a kid URL under the issuer's address (Open Badges 3.0: dereferenced to a JWK)", () => {
  it("a single JWK at the kid URL → verified, nothing else fetched", async () => {
    const kid = `${ISS}/keys/signing-2026.json`;
    const issuer = await T.createJoseIssuer({ iss: ISS, kid, publish: "kid", alg: "EdDSA" });
    const { result, calls } = await verify(await issue(issuer), issuer.documents);
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "issuer").details).toMatchObject({
      method: "a key published at the issuer's web address",
      keyId: kid,
    });
    expect(calls).toEqual([kid]);
  });

  it("a key set at the kid URL, the key named by the fragment", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS, kid: "k2", alg: "ES256" });
    const token = await issue({ ...issuer, verificationMethod: `${ISS}/jwks.json#k2` });
    const { result } = await verify(token, { [`${ISS}/jwks.json`]: issuer.jwks });
    expect(result.verdict).toBe("verified");
  });

  it("a kid URL on another origin, or under another tenant's path, is never fetched", async () => {
    const iss = `${ISS}/tenants/a`;
    for (const kid of [
      "https://attacker.example/key.json",
      `${ISS}/tenants/b/key.json`,
      `${ISS}/tenants/ab/key.json`,
    ]) {
      const issuer = await T.createJoseIssuer({ iss, kid, publish: "kid" });
      const { result, calls } = await verify(await issue(issuer), issuer.documents);
      expect(statusOf(result), kid).toMatchObject({ proof: "unknown" });
      expect(calls, kid).toEqual([`${ISS}/.well-known/jwt-vc-issuer/tenants/a`]);
    }
    const own = await T.createJoseIssuer({ iss, kid: `${iss}/keys/1.json`, publish: "kid" });
    expect((await verify(await issue(own), own.documents)).result.verdict).toBe("verified");
  });

  it("a kid URL that cannot be fetched → the issuer's metadata is tried next", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS, kid: `${ISS}/gone.json#k` });
    const { result, calls } = await verify(await issue(issuer), issuer.documents);
    expect(result.verdict).toBe("verified");
    expect(calls).toEqual([`${ISS}/gone.json`, issuer.metadataUrl]);
  });
});

describe("the key must be the issuer's", () => {
  it("metadata naming another issuer is not used → could not check", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS, metadataIssuer: "https://someone-else.example" });
    const { result } = await verify(await issue(issuer), issuer.documents);
    expect(statusOf(result)).toMatchObject({ proof: "unknown", issuer: "unknown" });
    expect(checkOf(result, "proof")).toMatchObject({
      reason:
        "The issuer's key could not be found as the credential describes it, so the signature could not be checked.",
      details: {
        keySource: "jwt-vc-issuer",
        error: expect.stringMatching(/names the issuer https:\/\/someone-else\.example, not https:\/\/issuer\.example/),
      },
    });
  });

  it("metadata with both jwks and jwks_uri is malformed → could not check", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS });
    const documents = { [issuer.metadataUrl]: { ...issuer.metadata, jwks_uri: `${ISS}/jwks.json` } };
    const { result } = await verify(await issue(issuer), documents);
    expect(checkOf(result, "proof")).toMatchObject({
      status: "unknown",
      details: { error: expect.stringMatching(/either jwks or jwks_uri/) },
    });
  });

  it("a kid the issuer does not publish → issuer failed", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS });
    const { result } = await verify(await issue({ ...issuer, verificationMethod: "rotated-away" }), issuer.documents);
    expect(statusOf(result)).toMatchObject({ proof: "unknown", issuer: "failed" });
    expect(checkOf(result, "issuer").reason).toBe("The issuer does not list the signing key as its own.");
  });

  it("a published key restricted to another algorithm or to encryption is not used", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS, alg: "PS256" });
    const token = await issue(issuer);
    for (const restriction of [{ alg: "RS256" }, { use: "enc" }, { key_ops: ["encrypt"] }]) {
      const documents = {
        [issuer.metadataUrl]: { issuer: ISS, jwks: { keys: [{ ...issuer.publicJwk, ...restriction }] } },
      };
      expect(statusOf((await verify(token, documents)).result), JSON.stringify(restriction)).toMatchObject({
        proof: "unknown",
        issuer: "failed",
      });
    }
  });

  it("an attacker's key with the issuer's kid → signature does not match", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS });
    const attacker = await T.createJoseIssuer({ iss: ISS, kid: issuer.verificationMethod });
    const { result } = await verify(await issue(attacker), issuer.documents);
    expect(checkOf(result, "proof").status).toBe("failed");
    expect(result.verdict).toBe("not-verified");
  });

  it("the attacker's own metadata, a token naming the attacker but a credential naming the victim → issuer failed", async () => {
    const attacker = await T.createJoseIssuer({ iss: "https://attacker.example" });
    const vc = T.buildOpenBadgeCredential(ISS, { now: NOW });
    const token = await T.signVcJwt(vc, attacker);
    const { result } = await verify(token, attacker.documents);
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "failed" });
    expect(checkOf(result, "issuer").reason).toBe("The token's issuer and the credential's issuer are different.");
  });

  it("a header jwk or jku is never used; only the issuer's metadata is fetched, never the canary", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS });
    const attacker = await T.createJoseIssuer({ iss: ISS });
    const token = await issue({ ...attacker, header: { jwk: attacker.publicJwk, jku: `${canary.origin}/jwks.json` } });
    const { result, calls } = await verify(token, issuer.documents);
    expect(checkOf(result, "proof")).toMatchObject({ status: "failed", details: { ignoredHeaderKeys: "jwk, jku" } });
    expect(calls).toEqual([issuer.metadataUrl]);
    expect(canary.connections()).toBe(0);
  });

  it("metadata that cannot be reached → could not check", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS });
    expect(checkOf((await verify(await issue(issuer))).result, "proof")).toMatchObject({
      status: "unknown",
      reason: "Tessera could not reach the issuer to get its public key, so the signature could not be checked.",
    });
  });

  it("alg none and HS256 are refused before any key is looked up", async () => {
    const issuer = await T.createJoseIssuer({ iss: ISS });
    const claims = { ...T.buildOpenBadgeCredential(ISS, { now: NOW }), iss: ISS };
    const payload = base64url.encode(JSON.stringify(claims));
    for (const alg of ["none", "HS256"]) {
      const token = `${base64url.encode(JSON.stringify({ alg, kid: issuer.verificationMethod }))}.${payload}.`;
      const { result, calls } = await verify(token, issuer.documents);
      expect(checkOf(result, "proof")).toMatchObject({ status: "failed", reason: expect.stringContaining(`(${alg})`) });
      expect(calls).toEqual([]);
    }
  });
});
