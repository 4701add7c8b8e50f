import { describe, expect, it } from "vitest";
import { linkedInAddToProfileUrl } from "./linkedin";

const base = {
  name: "Advanced Life Support (ALS)",
  organizationName: "Resuscitation Council & Partners",
  issuedAt: new Date("2026-03-31T23:30:00Z"),
  validUntil: new Date("2028-01-01T00:00:00Z"),
  certUrl: "https://wallet.example.org/v/tsv_abc/c/0b9c7f3e-5d7a-4a8e-9a51-0c8f6f0e1d2a",
  certId: "urn:uuid:91b0d6a4-6f57-4b3b-9a3e-2f4c1a0d5e77",
};

describe("LinkedIn add-to-profile URL", () => {
  it("fills the certification fields, dates in UTC, the share page as the credential URL", () => {
    const url = new URL(linkedInAddToProfileUrl(base));
    expect(url.origin + url.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: "CERTIFICATION_NAME",
      name: "Advanced Life Support (ALS)",
      organizationName: "Resuscitation Council & Partners",
      issueYear: "2026",
      issueMonth: "3",
      expirationYear: "2028",
      expirationMonth: "1",
      certUrl: base.certUrl,
      certId: base.certId,
    });
  });

  it("encodes every value: an ampersand or a hash in a name cannot add a parameter", () => {
    const url = linkedInAddToProfileUrl({
      ...base,
      name: "A&certUrl=https://evil.example/#x",
      organizationName: "O'Brien & Sons?x=1",
    });
    expect(url).not.toContain("&certUrl=https://evil");
    const params = new URL(url).searchParams;
    expect(params.getAll("certUrl")).toEqual([base.certUrl]);
    expect(params.get("name")).toBe("A&certUrl=https://evil.example/#x");
    expect(params.get("organizationName")).toBe("O'Brien & Sons?x=1");
  });

  it("leaves out dates the credential does not have, an invalid date, and an over-long id", () => {
    const params = new URL(
      linkedInAddToProfileUrl({ ...base, issuedAt: new Date("nonsense"), validUntil: null, certId: "x".repeat(300) }),
    ).searchParams;
    expect(params.has("issueYear")).toBe(false);
    expect(params.has("issueMonth")).toBe(false);
    expect(params.has("expirationYear")).toBe(false);
    expect(params.has("expirationMonth")).toBe(false);
    expect(params.has("certId")).toBe(false);
    expect(params.get("certUrl")).toBe(base.certUrl);
  });

  it("caps very long names", () => {
    const params = new URL(linkedInAddToProfileUrl({ ...base, name: "N".repeat(10_000), certId: null })).searchParams;
    expect(params.get("name")).toHaveLength(250);
    expect(params.has("certId")).toBe(false);
  });
});
