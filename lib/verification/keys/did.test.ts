import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenBadgeCredential, signCredential } from "@/test-issuer";
import { NOW, checkOf, deps, didWebIssuer, diInput, offlineFetch, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "../verify";
import { didWebUrl, KeyResolutionError, resolveVerificationMethod } from "./did";
import { fromJwk, UnsupportedKeyError } from "./multikey";

type WebIssuer = Awaited<ReturnType<typeof didWebIssuer>>;
let web: WebIssuer;
beforeAll(async () => {
  web = await didWebIssuer();
});

const problem = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: unknown) => (e instanceof KeyResolutionError ? e.problem : String(e)),
  );

describe("did:web resolution (through the injected fetcher only)", () => {
  it("maps DIDs to https URLs and refuses path tricks", () => {
    expect(didWebUrl("did:web:issuer.test")).toBe("https://issuer.test/.well-known/did.json");
    expect(didWebUrl("did:web:issuer.test:dept:nursing")).toBe("https://issuer.test/dept/nursing/did.json");
    expect(() => didWebUrl("did:web:issuer.test:..:admin")).toThrow(KeyResolutionError);
    expect(() => didWebUrl("did:web:evil.test%2Fx")).toThrow(KeyResolutionError);
  });

  it("resolves a listed key; refuses a document for another DID and unlisted keys", async () => {
    const ok = offlineFetch({ [web.didDocumentUrl]: web.didDocument });
    await expect(resolveVerificationMethod(web.verificationMethod, ok.fetch)).resolves.toMatchObject({
      controller: web.did,
      assertion: true,
      curve: "Ed25519",
    });
    expect(ok.calls).toEqual([web.didDocumentUrl]);
    const borrowed = offlineFetch({ [web.didDocumentUrl]: { ...web.didDocument, id: "did:web:other.test" } });
    expect(await problem(resolveVerificationMethod(web.verificationMethod, borrowed.fetch))).toBe("invalid");
    expect(await problem(resolveVerificationMethod(`${web.did}#key-2`, ok.fetch))).toBe("not-listed");
    expect(await problem(resolveVerificationMethod(web.verificationMethod, offlineFetch().fetch))).toBe("unreachable");
    expect(await problem(resolveVerificationMethod("did:example:123#k", ok.fetch))).toBe("unsupported");
    expect(await problem(resolveVerificationMethod("https://issuer.test/keys/1", ok.fetch))).toBe("unsupported");
  });

  it("refuses published JWKs with private parts and weak RSA", () => {
    expect(() =>
      fromJwk({
        kty: "OKP",
        crv: "Ed25519",
        x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
        d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
      }),
    ).toThrow(UnsupportedKeyError);
    expect(() => fromJwk({ kty: "oct", k: "c2VjcmV0" })).toThrow(UnsupportedKeyError);
  });
});

describe("data integrity with a did:web issuer", () => {
  const sign = (issuer: WebIssuer) =>
    signCredential(buildOpenBadgeCredential(issuer.did, { now: NOW }), issuer, { now: NOW });

  it("verifies with a Multikey or an Ed25519VerificationKey2020 method (lenient key types)", async () => {
    const credential = await sign(web);
    expect((await verifyCredential(diInput(credential), deps({ [web.didDocumentUrl]: web.didDocument }))).verdict).toBe(
      "verified",
    );
    const vm = { ...(web.didDocument.verificationMethod[0] as object), type: "Ed25519VerificationKey2020" };
    const legacyDoc = { ...web.didDocument, verificationMethod: [vm] };
    expect((await verifyCredential(diInput(credential), deps({ [web.didDocumentUrl]: legacyDoc }))).verdict).toBe(
      "verified",
    );
  });

  it("a key the DID document does not authorise for assertions → issuer failed", async () => {
    const credential = await sign(web);
    const doc = { ...web.didDocument, assertionMethod: [], authentication: [web.verificationMethod] };
    const result = await verifyCredential(diInput(credential), deps({ [web.didDocumentUrl]: doc }));
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "failed" });
    expect(checkOf(result, "issuer").reason).toMatch(/not authorised/);
  });

  it("a key withdrawn from the DID document → issuer failed, signature not checkable", async () => {
    const credential = await sign(web);
    const rotated = { ...web.didDocument, verificationMethod: [], assertionMethod: [] };
    const result = await verifyCredential(diInput(credential), deps({ [web.didDocumentUrl]: rotated }));
    expect(statusOf(result)).toMatchObject({ proof: "unknown", issuer: "failed" });
  });
});
