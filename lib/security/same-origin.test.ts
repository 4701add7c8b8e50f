import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const app = "http://127.0.0.1:3000";

describe("isSameOriginRequest", () => {
  it("accepts our own origin", () => {
    expect(isSameOriginRequest(new Headers({ origin: app }), app)).toBe(true);
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "same-origin" }), app)).toBe(true);
    // A form on a no-referrer page of ours (the share pages' language switcher).
    expect(isSameOriginRequest(new Headers({ origin: "null", "sec-fetch-site": "same-origin" }), app)).toBe(true);
  });

  it.each([
    ["another site", { origin: "http://localhost:3000" }],
    ["another port on the same host (same-site, harder CSRF case)", { origin: "http://127.0.0.1:4000" }],
    ["a sandboxed iframe", { origin: "null" }],
    ["a sandboxed iframe on another site", { origin: "null", "sec-fetch-site": "cross-site" }],
    ["a cross-site fetch without Origin", { "sec-fetch-site": "cross-site" }],
    ["a same-site subdomain", { "sec-fetch-site": "same-site" }],
    ["no browser signals at all", {}],
  ])("refuses %s", (_label, headers) => {
    expect(isSameOriginRequest(new Headers(headers as Record<string, string>), app)).toBe(false);
  });
});
