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

describe("dates without a time zone (VC data models) — never the server's local time", () => {
  const V2 = { "@context": ["https://www.w3.org/ns/credentials/v2"] };
  const V1 = { "@context": ["https://www.w3.org/2018/credentials/v1"] };

  it("VC 2.0: a date-time without a time zone is invalid → failed, naming the field", () => {
    expect(validityCheck(vcDateFacts({ ...V2, validFrom: "2026-01-01T00:00:00" }), NOW)).toEqual({
      id: "validity",
      status: "failed",
      reason:
        "The credential's validFrom (2026-01-01T00:00:00) has no time zone, which a VC 2.0 credential must give, so its validity period is invalid.",
      details: { field: "validFrom" },
    });
    expect(validityCheck(vcDateFacts({ ...V2, validUntil: "2027-01-01" }), NOW)).toMatchObject({
      status: "failed",
      details: { field: "validUntil" },
    });
    expect(validityCheck(vcDateFacts({ ...V2, validFrom: "2026-01-01T00:00:00+01:00" }), NOW).status).toBe("passed");
  });

  it("VC 1.1: read as UTC, and the details say so", () => {
    expect(validityCheck(vcDateFacts({ ...V1, issuanceDate: "2026-01-01T00:00:00" }), NOW)).toMatchObject({
      status: "passed",
      details: { validFrom: "2026-01-01T00:00:00.000Z", timeZone: "issuanceDate had no time zone; read as UTC" },
    });
    expect(
      validityCheck(
        vcDateFacts({ ...V1, issuanceDate: "2026-01-01T00:00:00", expirationDate: "2027-01-01T00:00:00" }),
        NOW,
      ).details?.timeZone,
    ).toBe("issuanceDate and expirationDate had no time zone; read as UTC");
  });

  it("the same verdict whatever the server's time zone (TZ=Pacific/Kiritimati, UTC+14, and UTC−10)", () => {
    // Expires ten minutes after NOW if read as UTC; long expired if read at UTC+14.
    const facts = [
      vcDateFacts({ ...V1, issuanceDate: "2026-01-01T00:00:00", expirationDate: "2026-06-01T09:10:00" }),
      ob2DateFacts({ issuedOn: "2026-01-01T00:00:00", expires: "2026-06-01T09:10:00" }),
    ];
    const saved = process.env.TZ;
    try {
      const outcomes = ["UTC", "Pacific/Kiritimati", "Pacific/Honolulu"].map((tz) => {
        process.env.TZ = tz;
        return facts.map((f) => validityCheck(f, NOW));
      });
      for (const outcome of outcomes) expect(outcome).toEqual(outcomes[0]);
      expect(outcomes[0]!.map((c) => c.status)).toEqual(["passed", "passed"]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("non-ISO text (which Date.parse would read in local time) is unreadable → unknown", () => {
    expect(validityCheck(ob2DateFacts({ issuedOn: "Mon, 01 Jun 2026 09:00:00" }), NOW)).toMatchObject({
      status: "unknown",
      details: { field: "issuedOn" },
    });
    expect(validityCheck(ob2DateFacts({ issuedOn: "2026-06-01T10:00:00+0100" }), NOW).status).toBe("passed");
  });
});
