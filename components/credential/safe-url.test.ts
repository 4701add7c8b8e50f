import { describe, expect, it } from "vitest";
import { safeHttpsUrl } from "./safe-url";

describe("safeHttpsUrl", () => {
  it("keeps absolute https URLs, normalized", () => {
    expect(safeHttpsUrl("https://example.org/criteria?id=1")).toBe("https://example.org/criteria?id=1");
    expect(safeHttpsUrl("  HTTPS://Example.org/a b ")).toBe("https://example.org/a%20b");
  });

  it("refuses every other scheme, relative URLs and non-strings", () => {
    for (const value of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "http://example.org",
      "vbscript:x",
      "//evil.example/x",
      "/relative",
      "mailto:a@example.org",
      "",
      undefined,
      null,
      42,
      {},
    ]) {
      expect(safeHttpsUrl(value)).toBeNull();
    }
  });

  it("refuses URLs with embedded credentials and absurd lengths", () => {
    expect(safeHttpsUrl("https://trusted.example@evil.example/")).toBeNull();
    expect(safeHttpsUrl("https://user:pass@example.org/")).toBeNull();
    expect(safeHttpsUrl(`https://example.org/${"a".repeat(2100)}`)).toBeNull();
  });
});
