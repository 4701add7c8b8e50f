/**
 * The hand-written SD-JWT VCs (sd-jwt-vc.ts) checked by a reference: @sd-jwt/core's own verifier
 * with `jose` checking signatures, so what the test issuer signs is a real SD-JWT VC and not only
 * something Tessera's verifier happens to accept.
 */
import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { SDJwtInstance } from "@sd-jwt/core";
import { compactVerify, decodeJwt, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import { createJoseIssuer } from "./jose-issuer";
import { createTokenStatusList, issueSdJwtVc, presentSdJwtVc } from "./sd-jwt-vc";

const hasher = (data: string | ArrayBuffer) =>
  new Uint8Array(
    createHash("sha256")
      .update(typeof data === "string" ? data : new Uint8Array(data))
      .digest(),
  );

function reference(issuerJwk: JWK, alg: string) {
  const check = (jwk: JWK, keyAlg: string) => async (data: string, signature: string) => {
    const key = await importJWK(jwk, keyAlg);
    await compactVerify(`${data}.${signature}`, key);
    return true;
  };
  return new SDJwtInstance({
    hasher,
    verifier: check(issuerJwk, alg),
    kbVerifier: (data, signature, payload) => check((payload.cnf as { jwk: JWK }).jwk, "ES256")(data, signature),
  });
}

describe("test issuer: SD-JWT VC", () => {
  it("issues an SD-JWT VC the reference library verifies, with every claim disclosable", async () => {
    const issuer = await createJoseIssuer({ iss: "https://academy.example", alg: "ES256" });
    const issued = await issueSdJwtVc(issuer, { expiresInSeconds: 600 });
    const { payload, header } = await reference(issuer.publicJwk, "ES256").verify(issued.token);
    expect(header).toMatchObject({ typ: "dc+sd-jwt", alg: "ES256" });
    expect(payload).toMatchObject({ iss: "https://academy.example", title: "Sepsis recognition and escalation" });
    expect(decodeJwt(issued.token.split("~")[0]!)).not.toHaveProperty("title");
  });

  it("presents chosen disclosures with a key-binding JWT the reference accepts", async () => {
    const issuer = await createJoseIssuer({ iss: "https://academy.example", alg: "EdDSA" });
    const holder = await generateKeyPair("ES256", { extractable: true });
    const issued = await issueSdJwtVc(issuer, { holderJwk: await exportJWK(holder.publicKey) });
    const token = await presentSdJwtVc(issued, { holderKey: holder.privateKey, disclose: ["title"], nonce: "abc" });
    const { payload, kb } = await reference(issuer.publicJwk, "EdDSA").verify(token, { keyBindingNonce: "abc" });
    expect(payload).toHaveProperty("title");
    expect(payload).not.toHaveProperty("given_name");
    expect(kb?.header.typ).toBe("kb+jwt");
  });

  it("the reference refuses the negative knobs", async () => {
    const issuer = await createJoseIssuer({ iss: "https://academy.example", alg: "ES256" });
    const ref = reference(issuer.publicJwk, "ES256");
    for (const options of [{ unreferenced: true }, { duplicateDigest: true }, { sdAlg: "none" }])
      await expect(ref.verify((await issueSdJwtVc(issuer, options)).token)).rejects.toThrow();
  });

  it("a Token Status List: signed statuslist+jwt, LSB-first bits, ZLIB-compressed", async () => {
    const issuer = await createJoseIssuer({ iss: "https://academy.example", alg: "ES256" });
    const list = await createTokenStatusList(issuer, { uri: "https://academy.example/status/1", set: [0, 9] });
    const { payload, protectedHeader } = await jwtVerify(list.token, await importJWK(issuer.publicJwk, "ES256"));
    expect(protectedHeader.typ).toBe("statuslist+jwt");
    expect(payload.sub).toBe(list.uri);
    const { lst } = payload.status_list as { lst: string };
    const bytes = inflateSync(Buffer.from(lst, "base64url"));
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0b1, 0b10, 0]);
  });
});
