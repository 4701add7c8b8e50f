import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ob2RecipientIds, recipientCheck, vcRecipientIds } from "./recipient";

const holder = (emails: string[], dids: string[] = []) => ({ emails, dids });

describe("OB 2.0 recipient", () => {
  it("matches the spec test vector sha256$… = sha256('nobody@example.org' + 'deadsea'), hex case-insensitive", () => {
    const identity = "sha256$ECF5409F3F4B91AB60CC5EF4C02AEF7032354375E70CF4D8E43F6A1D29891942";
    const ids = ob2RecipientIds({ recipient: { type: "email", hashed: true, salt: "deadsea", identity } });
    expect(recipientCheck(ids, holder(["Nobody@Example.org"])).status).toBe("passed"); // tried lower-cased too
    expect(recipientCheck(ids, holder(["somebody@example.org"]))).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/someone else/),
    });
  });

  it("legacy md5$ hashes, unsalted hashes and plain emails", () => {
    const md5 = ob2RecipientIds({
      recipient: { type: "email", hashed: true, identity: "md5$ba1b1a6ee9ae21c8c0d6dc7a7c36c5e8" },
    });
    expect(md5).toEqual([{ kind: "email-hash", alg: "md5", hex: "ba1b1a6ee9ae21c8c0d6dc7a7c36c5e8", salt: "" }]);
    const plain = ob2RecipientIds({ recipient: { type: "email", hashed: false, identity: "mailto:A@Example.org" } });
    expect(recipientCheck(plain, holder(["a@example.org"])).status).toBe("passed");
    expect(ob2RecipientIds({ recipient: "sha256$abc", salt: "s" })).toEqual([
      { kind: "email-hash", alg: "sha256", hex: "abc", salt: "s" },
    ]); // OB 0.5
  });

  it("non-email identities cannot be compared → unknown", () => {
    const ids = ob2RecipientIds({ recipient: { type: "url", hashed: false, identity: "https://example.org/me" } });
    expect(recipientCheck(ids, holder(["a@example.org"])).status).toBe("unknown");
  });
});

describe("VC recipients (OB 3.0, EDC, VC-JWT)", () => {
  it("credentialSubject.id against holder DIDs; random urn:uuid ids are not comparable", () => {
    expect(
      recipientCheck(
        vcRecipientIds({ credentialSubject: { id: "did:key:z6MkHolder" } }),
        holder([], ["did:key:z6MkHolder"]),
      ).status,
    ).toBe("passed");
    expect(
      recipientCheck(
        vcRecipientIds({ credentialSubject: { id: "did:key:z6MkOther" } }),
        holder([], ["did:key:z6MkHolder"]),
      ).status,
    ).toBe("failed");
    expect(
      recipientCheck(vcRecipientIds({ credentialSubject: { id: "urn:uuid:1234" } }), holder(["a@example.org"])),
    ).toMatchObject({ status: "unknown" });
  });

  it("identifier[] emailAddress, hashed or not", () => {
    const hashed = {
      credentialSubject: {
        identifier: [
          {
            identityType: "emailAddress",
            hashed: true,
            salt: "deadsea",
            identityHash: "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
          },
        ],
      },
    };
    expect(recipientCheck(vcRecipientIds(hashed), holder(["nobody@example.org"])).status).toBe("passed");
    const plain = {
      credentialSubject: { identifier: { identityType: "emailAddress", hashed: false, identityHash: "a@example.org" } },
    };
    expect(recipientCheck(vcRecipientIds(plain), holder(["b@example.org"])).status).toBe("failed");
  });

  it("EDC contactPoint email and a VC-JWT sub", () => {
    const edc = { credentialSubject: { contactPoint: { emailAddress: { id: "mailto:aoife@example.org" } } } };
    expect(recipientCheck(vcRecipientIds(edc), holder(["aoife@example.org"])).status).toBe("passed");
    expect(
      recipientCheck(
        vcRecipientIds({ credentialSubject: {} }, { sub: "did:example:me" }),
        holder([], ["did:example:me"]),
      ).status,
    ).toBe("passed");
  });

  it("a name alone, or no holder, is unknown — never passed", () => {
    expect(
      recipientCheck(vcRecipientIds({ credentialSubject: { name: "Aoife Byrne" } }), holder(["a@example.org"])),
    ).toMatchObject({ status: "unknown", reason: expect.stringMatching(/only by name/) });
    expect(recipientCheck([{ kind: "email", value: "a@example.org" }], undefined)).toMatchObject({
      status: "unknown",
      reason: "No holder was given to compare the recipient with.",
    });
  });
});

describe("a holder with several identities", () => {
  const amara = holder(
    ["amara@personal.example", "amara.okafor@trust-one.example", "a.okafor@uni.example"],
    ["did:key:z6MkOld", "did:key:z6MkCurrent"],
  );
  const salted = (email: string, salt: string) =>
    `sha256$${createHash("sha256")
      .update(email + salt)
      .digest("hex")}`;

  it("matches an OB 2.0 hashed recipient against any of her addresses", () => {
    const ids = ob2RecipientIds({
      recipient: { type: "email", hashed: true, salt: "pepper", identity: salted("a.okafor@uni.example", "pepper") },
    });
    expect(recipientCheck(ids, amara)).toMatchObject({
      status: "passed",
      details: { matchedBy: "email address (hashed)" },
    });
    expect(recipientCheck(ids, holder(["amara@personal.example"])).status).toBe("failed");
  });

  it("matches OB 3.0 / VC subjects by any DID, previous ones included, and identifier[] by any address", () => {
    for (const did of ["did:key:z6MkOld", "did:key:z6MkCurrent"])
      expect(recipientCheck(vcRecipientIds({ credentialSubject: { id: did } }), amara).status).toBe("passed");
    const identifier = {
      credentialSubject: {
        identifier: [{ identityType: "emailAddress", hashed: false, identityHash: "amara.okafor@trust-one.example" }],
      },
    };
    expect(recipientCheck(vcRecipientIds(identifier), amara).status).toBe("passed");
    expect(recipientCheck(vcRecipientIds({ credentialSubject: { id: "did:key:z6MkSomeoneElse" } }), amara).status).toBe(
      "failed",
    );
  });
});
