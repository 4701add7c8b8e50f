import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "./csp";

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only by nonce in production, never unsafe-inline or unsafe-eval", () => {
    const csp = buildContentSecurityPolicy("abc", { dev: false, https: true });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("adds unsafe-eval only for the development server", () => {
    expect(buildContentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from(createNonce(), "base64")).toHaveLength(16);
  });
});
