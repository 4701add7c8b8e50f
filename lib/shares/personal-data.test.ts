import { describe, expect, it } from "vitest";
import type { NormalizedCredential } from "@/lib/credentials/record";
import { testInterpretedCredential } from "@/testkit/wallet/test-credentials";
import { needsRecheck } from "./freshness";
import { personalDataIn, personalDataRules, textFormsOf, withheldReason } from "./personal-data";
import { publicRecord } from "./public-record";

const recipient: NormalizedCredential["recipient"] = {
  name: "Amara Okafor",
  identifiers: [
    { type: "email", value: "Amara.Work@Example.org" },
    { type: "email-sha256", value: "sha256$abc", hashed: true, salt: "s" },
    { type: "national-id", value: "LA-234218" },
  ],
};

describe("personal data in a shared credential's file", () => {
  it("finds the holder's email (any case) only when the share hides it", () => {
    const hidden = personalDataRules({ recipient }, "amara@example.org", false);
    expect(hidden.hiddenEmails).toEqual(["amara@example.org", "amara.work@example.org"]);
    expect(personalDataIn(['{"recipient":"AMARA@example.org"}'], hidden)).toBe("email");
    expect(personalDataIn(['{"email":"amara.work@example.org"}'], hidden)).toBe("email");
    const shown = personalDataRules({ recipient: { identifiers: [] } }, "amara@example.org", true);
    expect(personalDataIn(['{"recipient":"amara@example.org"}'], shown)).toBeNull();
  });

  it("always finds national identifiers and dates of birth", () => {
    const rules = personalDataRules({ recipient }, "amara@example.org", true);
    expect(personalDataIn(['{"nationalId":"la-234218"}'], rules)).toBe("identifier");
    expect(personalDataIn(['{"dateOfBirth":"1999-10-01"}'], rules)).toBe("birth-date");
    expect(personalDataIn(["<dateOfBirth>2001-02-01</dateOfBirth>"], rules)).toBe("birth-date");
    expect(personalDataIn(['{"birthDate":"2001-02-01"}'], rules)).toBe("birth-date");
    expect(personalDataIn(['{"name":"Sepsis recognition"}'], rules)).toBeNull();
    expect(withheldReason("birth-date")).toMatch(/date of birth/);
    expect(withheldReason("email")).toMatch(/email address/);
  });

  it("looks at the file bytes, the payload and the signed form", () => {
    const texts = textFormsOf({
      bytes: new TextEncoder().encode("bytes:a@b.example"),
      payload: { p: 1 },
      signed: { kind: "compact-jws", token: "t" },
    });
    expect(texts.join("\n")).toContain("bytes:a@b.example");
    expect(texts.join("\n")).toContain('"p":1');
    expect(texts.join("\n")).toContain("compact-jws");
  });
});

describe("the record a shared page shows", () => {
  const record = {
    ...testInterpretedCredential({ title: "ICU Nursing" }).record,
    recipient,
    evidence: [{ name: "Reflective log", url: "https://evidence.example/log" }],
  };

  it("keeps the recipient's name and drops every identifier", () => {
    const shown = publicRecord(record, { showEvidence: true });
    expect(shown.recipient).toEqual({ name: "Amara Okafor", identifiers: [] });
    expect(JSON.stringify(shown)).not.toMatch(/LA-234218|Amara\.Work|sha256\$abc/);
    expect(shown.evidence).toHaveLength(1);
  });

  it("drops evidence unless the share shows it, and leaves the stored record alone", () => {
    expect(publicRecord(record, { showEvidence: false }).evidence).toEqual([]);
    expect(record.evidence).toHaveLength(1);
    expect(record.recipient.identifiers).toHaveLength(3);
  });
});

describe("when a stored result is re-checked", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("re-checks missing and old results, never self-reported ones", () => {
    expect(needsRecheck({ selfReported: false, verifiedAt: null }, now, 60)).toBe(true);
    expect(needsRecheck({ selfReported: false, verifiedAt: new Date("2026-11-23T10:59:00Z") }, now, 60)).toBe(true);
    expect(needsRecheck({ selfReported: false, verifiedAt: new Date("2026-11-23T11:30:00Z") }, now, 60)).toBe(false);
    expect(needsRecheck({ selfReported: true, verifiedAt: null }, now, 60)).toBe(false);
  });
});
