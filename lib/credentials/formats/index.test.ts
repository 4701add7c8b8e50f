import { describe, expect, it } from "vitest";
import { NotACredentialError, interpretCredential } from "./index";
import { quoteToken } from "./errors";

describe("interpretCredential refusals", () => {
  it.each([
    [null, "not_a_credential"],
    [[1, 2], "not_a_credential"],
    ["just text", "not_a_credential"],
    [{ hello: "world" }, "not_a_credential"],
    [{ "@context": "https://schema.org", type: "Person", name: "x" }, "unsupported_format"],
    [{ type: ["VerifiableCredential"], credentialSubject: { id: "x" } }, "unsupported_format"],
  ])("refuses %j with %s", async (value, code) => {
    const error = await interpretCredential({ kind: "json", value }, { container: "json" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotACredentialError);
    expect(error).toMatchObject({ reason: code });
  });

  it("reads a JSON string that holds a compact JWS as that token", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    await expect(
      interpretCredential({ kind: "json", value: `${header}.e30.` }, { container: "json" }),
    ).rejects.toMatchObject({ reason: "jwt_alg_none" });
  });

  it("explains plain JSON in words a health worker understands", async () => {
    await expect(interpretCredential({ kind: "json", value: { name: "x" } }, { container: "json" })).rejects.toThrow(
      "This JSON is not a credential Tessera recognises: it has no @context or Open Badges fields.",
    );
  });

  it("never reads lookup tables through inherited keys such as 'constructor'", async () => {
    await expect(
      interpretCredential(
        { kind: "json", value: { "@context": "https://w3id.org/openbadges/v2", type: "constructor" } },
        { container: "json" },
      ),
    ).rejects.toMatchObject({
      reason: "unsupported_format",
    });
    const value = {
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      ],
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: "https://x.example",
      credentialSubject: {
        identifier: [{ identityType: "constructor", identityHash: "v", hashed: false }],
        achievement: { id: "urn:a", name: "A" },
      },
    };
    const { record } = await interpretCredential({ kind: "json", value }, { container: "json" });
    expect(record.recipient.identifiers).toEqual([{ type: "other", value: "v" }]);
  });

  it("quotes only short, cleaned technical tokens", () => {
    expect(quoteToken(["Issuer", "<script>alert(1)</script>"])).toBe("“Issuer, scriptalert1/script”");
    expect(quoteToken(undefined)).toBe("(none)");
    expect(quoteToken("x".repeat(500))).toHaveLength(62);
  });

  it("never calls the resolver for formats that need no linked documents", async () => {
    const calls: string[] = [];
    const value = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential"],
      issuer: "https://x.example",
      credentialSubject: { id: "did:x:1" },
    };
    await interpretCredential(
      { kind: "json", value },
      { container: "json", resolve: async (url) => void calls.push(url) },
    );
    expect(calls).toEqual([]);
  });
});
