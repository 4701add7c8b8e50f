import { describe, expect, it } from "vitest";
import { expiresAtFor, SHARE_EXPIRY_CHOICES, shareExpirySchema, shareStateAt } from "./expiry";

const NOW = new Date("2026-11-23T10:00:00Z");

describe("share expiry", () => {
  it("accepts a day to a year, or never", () => {
    for (const value of [1, 30, 365, "never"]) expect(shareExpirySchema.parse(value)).toBe(value);
    for (const value of [0, -1, 366, 1.5, "30", "forever", null])
      expect(shareExpirySchema.safeParse(value).success).toBe(false);
    for (const choice of SHARE_EXPIRY_CHOICES) expect(shareExpirySchema.safeParse(choice.value).success).toBe(true);
  });

  it("computes the end instant from now", () => {
    expect(expiresAtFor(1, NOW)).toEqual(new Date("2026-11-24T10:00:00Z"));
    expect(expiresAtFor(365, NOW)).toEqual(new Date("2027-11-23T10:00:00Z"));
    expect(expiresAtFor("never", NOW)).toBeNull();
  });

  it("is expired from the expiry instant on, and revocation wins", () => {
    const expiresAt = new Date("2026-11-24T10:00:00Z");
    expect(shareStateAt({ revokedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe("active");
    expect(shareStateAt({ revokedAt: null, expiresAt }, expiresAt)).toBe("expired");
    expect(shareStateAt({ revokedAt: null, expiresAt: null }, new Date("2099-01-01"))).toBe("active");
    expect(shareStateAt({ revokedAt: NOW, expiresAt }, new Date("2030-01-01"))).toBe("revoked");
  });
});
