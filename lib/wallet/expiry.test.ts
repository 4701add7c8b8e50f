import { describe, expect, it } from "vitest";
import { expiryOf } from "./expiry";

const now = new Date("2026-11-23T12:00:00Z");

describe("expiry of a credential", () => {
  it("has no state without an end date, or with an unreadable one", () => {
    expect(expiryOf(null, now)).toEqual({ state: "none" });
    expect(expiryOf("not a date", now)).toEqual({ state: "none" });
  });

  it("is expiring within 90 days, valid beyond, expired at the end instant", () => {
    expect(expiryOf("2026-12-23T12:00:00Z", now)).toEqual({ state: "expiring", daysLeft: 30 });
    expect(expiryOf("2027-02-21T12:00:00Z", now)).toEqual({ state: "expiring", daysLeft: 90 });
    expect(expiryOf("2027-02-22T12:00:00Z", now)).toEqual({ state: "valid", daysLeft: 91 });
    expect(expiryOf(now, now)).toMatchObject({ state: "expired" });
    expect(expiryOf("2026-11-23T11:59:59Z", now)).toMatchObject({ state: "expired" });
  });
});
