import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./same-origin";

const app = "http://localhost:3000";
const h = (init: Record<string, string>) => new Headers(init);

describe("holder download origin check", () => {
  it("refuses other origins and other sites, including another port on the same host", () => {
    expect(isCrossSiteRequest(h({ origin: "http://localhost:4000" }), app)).toBe(true);
    expect(isCrossSiteRequest(h({ origin: "null" }), app)).toBe(true);
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "cross-site" }), app)).toBe(true);
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "same-site" }), app)).toBe(true);
  });
  it("allows our own pages, a typed URL and non-browser clients", () => {
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "same-origin" }), app)).toBe(false);
    expect(isCrossSiteRequest(h({ origin: app, "sec-fetch-site": "same-origin" }), app)).toBe(false);
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "none" }), app)).toBe(false);
    expect(isCrossSiteRequest(h({}), app)).toBe(false);
  });
});
