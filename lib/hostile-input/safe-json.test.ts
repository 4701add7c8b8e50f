import { describe, expect, it } from "vitest";
import { MB, type InputRejectedError } from "./errors";
import { parseSafeJson } from "./safe-json";
import { refusal } from "@/testkit/hostile-input/builders";

describe("parseSafeJson", () => {
  it("parses text and bytes, with or without a UTF-8 byte order mark", () => {
    expect(parseSafeJson('{"name":"Wound care","level":3}')).toEqual({ name: "Wound care", level: 3 });
    expect(parseSafeJson(Buffer.from('\uFEFF{"a":[1,2]}', "utf8"))).toEqual({ a: [1, 2] });
    expect(parseSafeJson("\uFEFF[true]")).toEqual([true]);
    expect(parseSafeJson(new Uint8Array([0xef, 0xbb, 0xbf, 0x22, 0x78, 0x22]))).toBe("x");
  });

  // docs/threat-model.md D1: every case refused with a reason.
  const cases: Array<[string, () => string | Uint8Array, InputRejectedError["reason"], RegExp]> = [
    ["51 MB", () => Buffer.alloc(51 * MB, 0x20), "too_large", /51 MB; Tessera accepts up to 2 MB/],
    ["10,000-deep nesting", () => "[".repeat(10_000) + "]".repeat(10_000), "too_deep", /more than 64 levels/],
    ["10,000-deep objects", () => '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000), "too_deep", /nested/],
    ["1,000,000-element array", () => `[${"0,".repeat(999_999)}0]`, "too_many_values", /200,000 values/],
    [
      "truncated object",
      () => '{"name":"Wound care","issuer":{"id":"https://x.test"',
      "truncated_json",
      /ends before the JSON is complete/,
    ],
    ["truncated string", () => '{"name":"Wound ca', "truncated_json", /ends before/],
    ["truncated literal", () => '{"valid":tr', "truncated_json", /ends before/],
    ["truncated array", () => "[1,2,", "truncated_json", /ends before/],
    ["not JSON", () => "{name: 'Wound care'}", "not_json", /not valid JSON/],
    ["trailing garbage", () => '{"a":1} and more', "not_json", /not valid JSON/],
    ["empty", () => "   ", "not_json", /empty/],
    ["invalid UTF-8", () => new Uint8Array([0x7b, 0xff, 0x7d]), "not_text", /not valid UTF-8/],
  ];
  // The caps are counts and sizes checked before or while parsing, never a timer.
  it.each(cases)("refuses %s", (_label, make, code, message) => {
    const input = make();
    const error = refusal(() => parseSafeJson(input));
    expect(error.reason).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("honours custom caps", () => {
    expect(refusal(() => parseSafeJson("[[[1]]]", { maxDepth: 2 })).reason).toBe("too_deep");
    expect(refusal(() => parseSafeJson("[1,2,3]", { maxValues: 2 })).reason).toBe("too_many_values");
    expect(refusal(() => parseSafeJson('"abc"', { maxBytes: 4 })).reason).toBe("too_large");
  });

  it("does not count brackets and commas inside strings", () => {
    const text = JSON.stringify({ narrative: "[".repeat(500) + ",".repeat(300_000) + "{" });
    expect(parseSafeJson(text)).toEqual(JSON.parse(text));
    expect(parseSafeJson('{"quote":"a \\" [ b"}')).toEqual({ quote: 'a " [ b' });
  });

  // docs/threat-model.md D2
  it.each([
    ["__proto__", '{"__proto__":{"polluted":"yes"}}'],
    ["nested __proto__", '{"credentialSubject":{"achievement":{"__proto__":{"polluted":"yes"}}}}'],
    ["constructor.prototype", '{"constructor":{"prototype":{"polluted":"yes"}}}'],
    ["escaped __proto__", '{"\\u005f_proto__":{"polluted":"yes"}}'],
  ])("refuses %s and never pollutes Object.prototype", (_label, text) => {
    const error = refusal(() => parseSafeJson(text));
    expect(error.reason).toBe("prototype_pollution");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("allows harmless keys named constructor", () => {
    expect(parseSafeJson('{"constructor":"Nursing council"}')).toEqual({ constructor: "Nursing council" });
  });

  it("never echoes the input in its messages", () => {
    const secret = "patient-identifier-12345";
    for (const text of [`{"${secret}": tru`, `{${secret}}`, `{"__proto__":{"${secret}":1}}`]) {
      expect(refusal(() => parseSafeJson(text)).message).not.toContain(secret);
    }
  });
});
