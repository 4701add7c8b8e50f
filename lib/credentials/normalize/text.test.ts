import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanId, cleanLine, cleanMultiline, cleanUrl, TEXT_LIMITS } from "./text";

describe("cleanLine", () => {
  it("trims and collapses every kind of whitespace into single spaces", () => {
    expect(cleanLine("  Basic\t\tLife \n Support\u00a0 ")).toBe("Basic Life Support");
  });

  it("removes control characters, bidi overrides and zero-width spaces", () => {
    expect(cleanLine("Nurse\u202Egnicitcarp\u202C\u0007 \u200Bcert\uFEFF")).toBe("Nursegnicitcarp cert");
    expect(cleanLine("\u2066Safe\u2069 \u200Fmark")).toBe("Safe mark");
  });

  it("keeps ZWJ and ZWNJ, which emoji and scripts need", () => {
    expect(cleanLine("👩\u200D⚕️ می\u200Cخواهم")).toBe("👩\u200D⚕️ می\u200Cخواهم");
  });

  it("keeps HTML and Markdown as literal text", () => {
    expect(cleanLine("<b>CPR</b> **now** <script>x</script>")).toBe("<b>CPR</b> **now** <script>x</script>");
  });

  it("caps by code points and marks the cut with an ellipsis, without splitting a surrogate pair", () => {
    const long = "😀".repeat(400);
    const out = cleanLine(long, TEXT_LIMITS.title);
    expect(Array.from(out)).toHaveLength(300);
    expect(out.endsWith("😀…")).toBe(true);
  });

  it("normalizes to NFC so equal-looking titles compare equal", () => {
    expect(cleanLine("Cafe\u0301")).toBe("Café");
  });
});

describe("cleanMultiline", () => {
  it("keeps paragraphs, at most one blank line, and trims each line break", () => {
    expect(cleanMultiline("First line  \r\n\r\n\r\n\r\n  second\tline\u2028third")).toBe(
      "First line\n\nsecond line\nthird",
    );
  });

  it("caps descriptions at 5000 code points", () => {
    expect(Array.from(cleanMultiline("a".repeat(6000)))).toHaveLength(TEXT_LIMITS.description);
  });
});

describe("cleanId and cleanUrl", () => {
  it("drops ids with whitespace instead of changing them", () => {
    expect(cleanId("https ://not-a-url/x")).toBeUndefined();
    expect(cleanId(" urn:uuid:1234 ")).toBe("urn:uuid:1234");
  });

  it("only lets http(s) links through", () => {
    expect(cleanUrl("https://example.org/criteria")).toBe("https://example.org/criteria");
    expect(cleanUrl("javascript:alert(1)")).toBeUndefined();
    expect(cleanUrl("data:text/html,<script>")).toBeUndefined();
    expect(cleanUrl("urn:uuid:8d6fbe17")).toBeUndefined();
  });
});

describe("text cleanup is idempotent (property)", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 400 }),
    fc.string({ unit: "grapheme", maxLength: 400 }),
    fc
      .array(
        fc.constantFrom(" ", "\n", "\t", "\r", "\u202E", "\u200B", "e", "\u0301", "😀", "\u0000", "…", "\uD800", "a"),
        { maxLength: 400 },
      )
      .map((a) => a.join("")),
  );

  it("cleanLine(cleanLine(x)) === cleanLine(x), for every cap", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 320 }), (text, max) => {
        const once = cleanLine(text, max);
        expect(cleanLine(once, max)).toBe(once);
        expect(Array.from(once).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 500 },
    );
  });

  it("cleanMultiline(cleanMultiline(x)) === cleanMultiline(x), for every cap", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 320 }), (text, max) => {
        const once = cleanMultiline(text, max);
        expect(cleanMultiline(once, max)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
