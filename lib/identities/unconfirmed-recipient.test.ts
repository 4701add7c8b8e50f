import { describe, expect, it } from "vitest";
import { maskEmail, unconfirmedRecipientEmails } from "./unconfirmed-recipient";

describe("addresses a credential was issued to that the holder has not confirmed", () => {
  it("masks an address to its first letter and domain", () => {
    expect(maskEmail("amara.okafor@nhs.example")).toBe("a…@nhs.example");
    expect(maskEmail("not-an-address")).toBe("not-an-address");
  });

  it("offers plain addresses not yet confirmed, never hashed ones, once each, whatever their case", () => {
    const recipient = {
      identifiers: [
        { type: "email" as const, value: "mailto:Amara@Trust.example" },
        { type: "email" as const, value: "amara@trust.example" },
        { type: "email" as const, value: "amara@uni.example" },
        { type: "email" as const, value: "sha256$abc", hashed: true, salt: "s" },
        { type: "did" as const, value: "did:key:z6Mk" },
      ],
    };
    expect(unconfirmedRecipientEmails(recipient, ["AMARA@uni.example"])).toEqual(["amara@trust.example"]);
    expect(unconfirmedRecipientEmails(recipient, ["amara@uni.example", "amara@trust.example"])).toEqual([]);
    expect(unconfirmedRecipientEmails(undefined, [])).toEqual([]);
  });
});
