import { describe, expect, it } from "vitest";
import { checkEmailAddress, INVALID_EMAIL_MESSAGE, normalizeEmailAddress } from "./email-address";

describe("checkEmailAddress", () => {
  it.each([
    ["Nurse.Amara@Example.ORG", "nurse.amara@example.org"],
    ["  pharmacist+cpd@nhs.example.uk ", "pharmacist+cpd@nhs.example.uk"],
    ["amara.okafor@demo.tessera.test", "amara.okafor@demo.tessera.test"],
  ])("accepts and normalises %s", (input, expected) => {
    expect(checkEmailAddress(input)).toEqual({ ok: true, email: expected });
  });

  // docs/threat-model.md A3 and the advisories it cites: every smuggling form is refused outright.
  it.each([
    ["comma list", "a@x.test,v@y.test"],
    ["quoted local part", '"e@evil.test"@y.test'],
    ["fullwidth at sign", "v＠evil.test"],
    ["group syntax", "g:e@evil.test;"],
    ["angle brackets", "Victim <v@y.test>"],
    ["CRLF header injection", "v@y.test\r\nBcc: e@evil.test"],
    ["space", "v @y.test"],
    ["two at signs", "a@b@c.test"],
    ["no domain dot", "root@localhost"],
    ["numeric TLD / IP literal", "a@127.0.0.1"],
    ["bracketed IP", "a@[127.0.0.1]"],
    ["leading dot", ".a@b.test"],
    ["double dot", "a..b@c.test"],
    ["non-ASCII", "ämara@example.org"],
    ["320 characters", `${"a".repeat(64)}@${"b".repeat(250)}.test`],
    ["empty", ""],
    ["not a string", 42],
  ])("refuses %s", (_label, input) => {
    expect(checkEmailAddress(input)).toEqual({ ok: false, message: INVALID_EMAIL_MESSAGE });
  });

  it("throws the same message from the Auth.js normaliser", () => {
    expect(() => normalizeEmailAddress("a@x.test,v@y.test")).toThrow(INVALID_EMAIL_MESSAGE);
    expect(normalizeEmailAddress("A@B.TEST")).toBe("a@b.test");
  });
});
