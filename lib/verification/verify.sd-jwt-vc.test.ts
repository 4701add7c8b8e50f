/**
 * SD-JWT VC (proofs/sd-jwt.ts, status/token-status-list.ts): the issuer's signature with its key
 * from JWT VC issuer metadata or an `x5c` certificate, disclosures against the signed digests, the
 * holder's key binding, validity, and Token Status List status. The test issuer writes SD-JWTs by
 * hand (test-issuer/sd-jwt-vc.ts), independently of the library the verifier uses.
 */
import { base64url, exportJWK, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { NOW, checkOf, deps, input, statusOf } from "@/testkit/verification/helpers";
import type { VerifyDeps } from "./types";
import { verifyCredential } from "./verify";

const ISS = "https://academy.example";
const LIST = `${ISS}/status/1`;
let issuer: Awaited<ReturnType<typeof T.createJoseIssuer>>;
let holder: { privateKey: CryptoKey; jwk: Awaited<ReturnType<typeof exportJWK>> };

beforeAll(async () => {
  issuer = await T.createJoseIssuer({ iss: ISS, alg: "ES256" });
  const pair = await generateKeyPair("ES256", { extractable: true });
  holder = { privateKey: pair.privateKey, jwk: await exportJWK(pair.publicKey) };
});

const sdInput = (token: string) => {
  const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as unknown;
  return input("sd-jwt-vc", "sd-jwt", payload, { kind: "sd-jwt", token });
};
const issue = (options: T.SdJwtVcOptions = {}, signer: T.JwtSigner = issuer) =>
  T.issueSdJwtVc(signer, { now: NOW, ...options });
async function verify(token: string, documents: Record<string, unknown> = {}, overrides: Partial<VerifyDeps> = {}) {
  const d = deps({ ...issuer.documents, ...documents }, { holder: undefined, ...overrides });
  return { result: await verifyCredential(sdInput(token), d), calls: d.net.calls };
}

describe("SD-JWT VC: issuer signature and disclosures", () => {
  it("valid, key from JWT VC issuer metadata → verified", async () => {
    const { token } = await issue();
    const { result, calls } = await verify(token);
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "proof")).toMatchObject({
      status: "passed",
      details: { method: "SD-JWT ES256", disclosures: "10" },
    });
    expect(checkOf(result, "issuer").details).toMatchObject({ method: "JWT VC issuer metadata", keyController: ISS });
    expect(calls).toEqual([`${ISS}/.well-known/jwt-vc-issuer`]);
  });

  it("EdDSA with only some disclosures presented → verified", async () => {
    const ed = await T.createJoseIssuer({ iss: `${ISS}/ed`, alg: "EdDSA" });
    const issued = await T.issueSdJwtVc(ed, { now: NOW });
    const [jwt] = issued.token.split("~");
    const kept = issued.disclosures.filter((d) => d.name === "title" || d.name === "issuer_name");
    const token = `${jwt}~${kept.map((d) => `${d.encoded}~`).join("")}`;
    const { result } = await verify(token, ed.documents);
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "proof").details?.disclosures).toBe("2");
  });

  it("a tampered disclosure (value changed) → not verified: no signed digest refers to it", async () => {
    const issued = await issue();
    const title = issued.disclosures.find((d) => d.name === "title")!;
    const [salt] = JSON.parse(Buffer.from(title.encoded, "base64url").toString("utf8")) as [string];
    const forged = base64url.encode(JSON.stringify([salt, "title", "Advanced Life Support instructor"]));
    const { result } = await verify(issued.token.replace(title.encoded, forged));
    expect(result.verdict).toBe("not-verified");
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason: "A disclosed claim is not covered by the issuer's signature (no digest in the credential refers to it).",
    });
  });

  it("an extra disclosure that no digest references → not verified", async () => {
    const { result } = await verify((await issue({ unreferenced: true })).token);
    expect(checkOf(result, "proof").status).toBe("failed");
    expect(checkOf(result, "proof").reason).toMatch(/not covered by the issuer's signature/);
  });

  it("the same digest listed twice → not verified", async () => {
    const { result } = await verify((await issue({ duplicateDigest: true })).token);
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason:
        "The credential lists the same disclosure digest twice, so its selectively disclosed claims prove nothing.",
    });
  });

  it("_sd_alg none → not verified, nothing fetched", async () => {
    const { result, calls } = await verify((await issue({ sdAlg: "none" })).token);
    expect(checkOf(result, "proof")).toMatchObject({ status: "failed" });
    expect(checkOf(result, "proof").reason).toMatch(/digest algorithm Tessera does not accept .*\(none\)/);
    expect(calls).toEqual([]);
  });

  it("signed with a key the issuer does not publish → not verified", async () => {
    const impostor = await T.createJoseIssuer({ iss: ISS, alg: "ES256" });
    const { result } = await verify((await issue({}, impostor)).token);
    expect(result.verdict).toBe("not-verified");
    expect(checkOf(result, "proof").reason).toMatch(/digital signature does not match/);
  });

  it("a token typed as something else (a status list token) → not verified", async () => {
    const { result } = await verify((await issue({ typ: "statuslist+jwt" })).token);
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason: "This token is not typed as an SD-JWT credential (typ statuslist+jwt).",
    });
  });

  it("x5c certificate chained to the trust list → verified without any fetch", async () => {
    const signer = await T.createX5cSigner({ iss: ISS });
    const { result, calls } = await verify(
      (await issue({}, signer)).token,
      {},
      { x509TrustAnchors: [signer.root.pem] },
    );
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "issuer").details).toMatchObject({ method: "X.509 certificate", keyController: ISS });
    expect(calls).toEqual([]);
  });
});

describe("SD-JWT VC: validity", () => {
  it("expired → not verified, yet the signature is still reported valid", async () => {
    const { result } = await verify((await issue({ expiresInSeconds: -3600 })).token);
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "passed", validity: "failed" });
    expect(result.verdict).toBe("not-verified");
  });

  it("expiring in the future → validity passed", async () => {
    const { result } = await verify((await issue({ expiresInSeconds: 86_400 })).token);
    expect(checkOf(result, "validity").status).toBe("passed");
  });
});

describe("SD-JWT VC: recipient", () => {
  const holderDeps = { holder: { emails: ["aoife.byrne@example.org"], dids: ["did:key:z6MkHolder"] } };

  it("a disclosed email or a cnf.kid naming the holder's DID → recipient passed", async () => {
    const byEmail = await issue({ claims: { ...T.defaultSdJwtClaims(), email: "aoife.byrne@example.org" } });
    expect(checkOf((await verify(byEmail.token, {}, holderDeps)).result, "recipient").status).toBe("passed");
    const byKid = await issue({ claims: { ...T.defaultSdJwtClaims(), cnf: { kid: "did:key:z6MkHolder#z6MkHolder" } } });
    expect(checkOf((await verify(byKid.token, {}, holderDeps)).result, "recipient").status).toBe("passed");
  });

  it("someone else's email → recipient failed", async () => {
    const other = await issue({ claims: { ...T.defaultSdJwtClaims(), email: "someone.else@example.org" } });
    const { result } = await verify(other.token, {}, holderDeps);
    expect(checkOf(result, "recipient").status).toBe("failed");
    expect(result.verdict).toBe("not-verified");
  });
});

describe("SD-JWT VC: key binding", () => {
  it("a key-binding JWT by the bound holder key over these disclosures → verified", async () => {
    const issued = await issue({ holderJwk: holder.jwk });
    const token = await T.presentSdJwtVc(issued, { holderKey: holder.privateKey, disclose: ["title"], now: NOW });
    const { result } = await verify(token);
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "proof").details?.keyBinding).toMatch(/holder's signature valid/);
  });

  it("signed by another key than the one bound → not verified", async () => {
    const issued = await issue({ holderJwk: holder.jwk });
    const other = await generateKeyPair("ES256");
    const token = await T.presentSdJwtVc(issued, { holderKey: other.privateKey, now: NOW });
    const { result } = await verify(token);
    expect(checkOf(result, "proof")).toMatchObject({
      status: "failed",
      reason: "The holder's key-binding signature does not match the key the issuer bound to this credential.",
    });
  });

  it("over other disclosures than the ones presented (sd_hash) → not verified", async () => {
    const issued = await issue({ holderJwk: holder.jwk });
    const token = await T.presentSdJwtVc(issued, { holderKey: holder.privateKey, now: NOW, wrongSdHash: true });
    const { result } = await verify(token);
    expect(checkOf(result, "proof").reason).toBe(
      "The holder's key-binding signature was made over other disclosures than the ones presented.",
    );
  });

  it("a key-binding JWT on a credential with no bound key → not verified", async () => {
    const issued = await issue();
    const token = await T.presentSdJwtVc(issued, { holderKey: holder.privateKey, now: NOW });
    const { result } = await verify(token);
    expect(checkOf(result, "proof").reason).toMatch(/issuer bound no key/);
  });
});

describe("SD-JWT VC: Token Status List", () => {
  const list = (options: { set?: number[]; expiresInSeconds?: number } = {}, signer: T.JwtSigner = issuer) =>
    T.createTokenStatusList(signer, { uri: LIST, now: NOW, ...options });

  it("not set → status passed, the list fetched once", async () => {
    const status = await list({ set: [3] });
    const { result, calls } = await verify((await issue({ status: { uri: LIST, idx: 7 } })).token, {
      [LIST]: status.token,
    });
    expect(result.verdict).toBe("verified");
    expect(checkOf(result, "status")).toMatchObject({
      status: "passed",
      details: { statusListUrl: LIST, statusListIndex: "7", statusMethod: "Token Status List" },
    });
    expect(calls.filter((c) => c === LIST)).toHaveLength(1);
  });

  it("revoked → not verified", async () => {
    const status = await list({ set: [7] });
    const { result } = await verify((await issue({ status: { uri: LIST, idx: 7 } })).token, { [LIST]: status.token });
    expect(result.verdict).toBe("not-verified");
    expect(checkOf(result, "status")).toMatchObject({
      status: "failed",
      reason: "The issuer has revoked this credential.",
    });
  });

  it("a list signed by someone else → status unknown, never 'not revoked'", async () => {
    const other = await T.createJoseIssuer({ iss: ISS, alg: "ES256" });
    const { result } = await verify((await issue({ status: { uri: LIST, idx: 7 } })).token, {
      [LIST]: (await list({}, other)).token,
    });
    expect(checkOf(result, "status")).toMatchObject({ status: "unknown" });
    expect(result.verdict).toBe("unknown");
  });

  it("an expired list → status unknown", async () => {
    const status = await list({ expiresInSeconds: -3600 });
    const { result } = await verify((await issue({ status: { uri: LIST, idx: 7 } })).token, { [LIST]: status.token });
    expect(checkOf(result, "status").reason).toMatch(/out of date/);
  });

  it("an index past the end of the list → status unknown", async () => {
    const status = await list();
    const { result } = await verify((await issue({ status: { uri: LIST, idx: 999_999 } })).token, {
      [LIST]: status.token,
    });
    expect(checkOf(result, "status").reason).toMatch(/outside the issuer's status list/);
  });

  it("the list cannot be reached → status unknown", async () => {
    const { result } = await verify((await issue({ status: { uri: LIST, idx: 7 } })).token);
    expect(checkOf(result, "status")).toMatchObject({ status: "unknown" });
  });
});
