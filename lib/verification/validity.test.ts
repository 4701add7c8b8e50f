import { describe, expect, it } from "vitest";
import { jwtDateFacts, mergeFacts, ob2DateFacts, validityCheck, vcDateFacts } from "./validity";

const NOW = new Date("2026-06-01T09:00:00Z");

describe("validity", () => {
  it("VC 2.0 and VC 1.1 dates, with the strictest bound winning", () => {
    expect(
      validityCheck(vcDateFacts({ validFrom: "2026-01-01T00:00:00Z", validUntil: "2027-01-01T00:00:00Z" }), NOW),
    ).toMatchObject({ status: "passed", details: { validUntil: "2027-01-01T00:00:00.000Z" } });
    expect(
      validityCheck(vcDateFacts({ issuanceDate: "2026-01-01T00:00:00Z", expirationDate: "2026-05-01T00:00:00Z" }), NOW)
        .reason,
    ).toBe("The credential expired on 2026-05-01.");
    const jwt = mergeFacts(
      vcDateFacts({ validFrom: "2026-01-01T00:00:00Z" }),
      jwtDateFacts({ exp: Date.parse("2026-05-31T00:00:00Z") / 1000 }),
    );
    expect(validityCheck(jwt, NOW).status).toBe("failed");
  });

  it("300 s clock skew, like @digitalbazaar/vc", () => {
    expect(validityCheck(vcDateFacts({ validFrom: "2026-06-01T09:04:00Z" }), NOW).status).toBe("passed");
    expect(validityCheck(vcDateFacts({ validFrom: "2026-06-01T09:06:00Z" }), NOW)).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/not valid yet/),
    });
  });

  it("OB 2.0 issuedOn/expires, including OB 1.0 epoch seconds; expires before issuedOn fails", () => {
    expect(validityCheck(ob2DateFacts({ issuedOn: 1_700_000_000 }), NOW).status).toBe("passed");
    expect(validityCheck(ob2DateFacts({ issuedOn: "2026-03-01", expires: "2026-02-01" }), NOW).reason).toMatch(
      /expires before it becomes valid/,
    );
  });

  it("no dates → passed with no expiry; unreadable dates → unknown", () => {
    expect(validityCheck(vcDateFacts({}), NOW).reason).toBe("The credential is valid and has no expiry date.");
    expect(validityCheck(vcDateFacts({ validUntil: "next tuesday" }), NOW)).toMatchObject({
      status: "unknown",
      details: { field: "validUntil" },
    });
    // Date.parse would silently roll these over to 2015-05-01 / 2023-03-01 (OB 1.0 fixture 1_0_basic_instance_with_bad_date).
    expect(validityCheck(ob2DateFacts({ issuedOn: "2015-04-31" }), NOW)).toMatchObject({
      status: "unknown",
      details: { field: "issuedOn" },
    });
    expect(validityCheck(vcDateFacts({ validUntil: "2023-02-29T00:00:00Z" }), NOW).status).toBe("unknown");
    expect(validityCheck(vcDateFacts({ validUntil: "2024-02-29T00:00:00Z" }), NOW).status).toBe("failed");
  });
});
