import { describe, expect, it } from "vitest";
import { decodeShareToken, hashShareToken, mintShareToken, SHARE_TOKEN_PREFIX, shareTokenHint } from "./token";

describe("share tokens", () => {
  it("mints 1,000 distinct prefixed tokens that each decode to at least 128 random bits (docs/threat-model.md F1)", () => {
    const tokens = Array.from({ length: 1000 }, () => mintShareToken());
    expect(new Set(tokens).size).toBe(1000);
    for (const token of tokens) {
      expect(token.startsWith(SHARE_TOKEN_PREFIX)).toBe(true);
      const bytes = decodeShareToken(token);
      expect(bytes).not.toBeNull();
      expect(bytes!.byteLength * 8).toBeGreaterThanOrEqual(128);
    }
    // The bytes look random: across 1,000 tokens every bit position is set about half the time.
    const ones = new Array(256).fill(0);
    for (const token of tokens)
      decodeShareToken(token)!.forEach((byte, i) => {
        for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) ones[i * 8 + bit] += 1;
      });
    expect(Math.min(...ones)).toBeGreaterThan(400);
    expect(Math.max(...ones)).toBeLessThan(600);
  });

  it("uses the random source it is given, and refuses a short one", () => {
    expect(mintShareToken((n) => new Uint8Array(n))).toBe(`tsv_${"A".repeat(43)}`);
    expect(() => mintShareToken(() => new Uint8Array(8))).toThrow(/random bytes/);
  });

  it.each([
    ["empty", ""],
    ["no prefix", "A".repeat(43)],
    ["another prefix", `tsx_${"A".repeat(43)}`],
    ["too short", `tsv_${"A".repeat(42)}`],
    ["too long", `tsv_${"A".repeat(44)}`],
    ["standard base64 characters", `tsv_${"A".repeat(42)}+`],
    ["padding", `tsv_${"A".repeat(42)}=`],
    ["non-canonical last character", `tsv_${"A".repeat(42)}B`],
    ["spaces", ` tsv_${"A".repeat(43)}`],
    ["unicode look-alike", `tsv_${"A".repeat(42)}Ａ`],
  ])("refuses a malformed token: %s", (_label, token) => {
    expect(decodeShareToken(token)).toBeNull();
  });

  it("hashes any input to a 64-character hex key, never echoing it", () => {
    const token = mintShareToken();
    expect(hashShareToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashShareToken(token)).not.toContain(token.slice(4, 20));
    expect(hashShareToken("not a token")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashShareToken("x".repeat(10_000))).toBe(hashShareToken("y".repeat(300)));
  });

  it("keeps a short hint of 36 bits: enough to tell links apart, far too little to open one", () => {
    const token = mintShareToken();
    expect(shareTokenHint(token)).toBe(token.slice(0, 10));
    expect(shareTokenHint(token)).toHaveLength(10);
  });
});
