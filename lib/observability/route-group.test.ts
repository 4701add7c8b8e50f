import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-context";
import { routeGroupOf } from "./route-group";

describe("routeGroupOf", () => {
  it.each([
    ["/v/tsv_AbCdEf0123456789", "share"],
    ["/v/tsv_x/c/3f2a?print=1", "share"],
    ["/api/v1/verify", "verify-api"],
    ["/verify", "verify-page"],
    ["/api/imports/123", "import"],
    ["/api/health/ready", "health"],
    ["/api/metrics", "metrics"],
    ["/api/auth/signin/nodemailer", "auth"],
    ["/api/wallet/export", "wallet-api"],
    ["/_next/static/chunks/a.js", "static"],
    ["/credentials/0c6e", "wallet-pages"],
    ["/", "other"],
    [undefined, "other"],
  ])("%s is %s", (url, group) => {
    expect(routeGroupOf(url)).toBe(group);
  });
});

describe("requestIdFrom", () => {
  it("keeps a well-formed id from the load balancer and replaces anything else", () => {
    const fresh = () => "fresh-id";
    expect(requestIdFrom("7f000001:9c4e_0A1B2C3D", fresh)).toBe("7f000001:9c4e_0A1B2C3D");
    expect(requestIdFrom(["abcdefgh1", "other"], fresh)).toBe("abcdefgh1");
    expect(requestIdFrom("short", fresh)).toBe("fresh-id");
    expect(requestIdFrom("has space in it", fresh)).toBe("fresh-id");
    expect(requestIdFrom("x".repeat(129), fresh)).toBe("fresh-id");
    expect(requestIdFrom(undefined, fresh)).toBe("fresh-id");
  });
});
