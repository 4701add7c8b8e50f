import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from "./safe-redirect";

const origin = "http://localhost:3000";

describe("safeRedirectPath", () => {
  it.each([
    ["/settings", "/settings"],
    ["/wallet?kind=badge#top", "/wallet?kind=badge#top"],
    ["http://localhost:3000/pathways", "/pathways"],
  ])("keeps same-origin %s", (input, expected) => {
    expect(safeRedirectPath(input, origin)).toBe(expected);
  });

  // docs/threat-model.md A4: each escapes a naive concatenation or a lax URL check somewhere.
  it.each([
    "https://evil.test",
    "//evil.test",
    "/\\evil.test",
    "https:evil.test",
    ".evil.test",
    "@evil.test",
    "java%0ascript:alert(1)",
    "javascript:alert(1)",
    "%zz",
    "/%2F%2Fevil.test",
    "http://localhost:3000.evil.test/",
    "http://localhost:3001/",
    "",
    undefined,
    ["/wallet"],
  ])("falls back for %j", (input) => {
    expect(safeRedirectPath(input, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
