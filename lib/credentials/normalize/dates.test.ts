import { describe, expect, it } from "vitest";
import { normalizeDate, parseIsoDate } from "./dates";

describe("normalizeDate", () => {
  it.each([
    ["2016-12-31T23:59:59Z", "2016-12-31T23:59:59.000Z"],
    ["2021-01-18T18:00:00+01:00", "2021-01-18T17:00:00.000Z"],
    ["2017-06-29T21:50:14+0000", "2017-06-29T21:50:14.000Z"],
    ["2017-10-01T00:00Z", "2017-10-01T00:00:00.000Z"],
    ["2025-01-23T15:11:55.521Z", "2025-01-23T15:11:55.521Z"],
    ["2010-01-01T00:00:00", "2010-01-01T00:00:00.000Z"], // no zone: read as UTC
    ["2015-04-30", "2015-04-30T00:00:00.000Z"], // date only: midnight UTC
  ])("reads %s as %s", (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it("reads OB 1.0 Unix timestamps, as numbers or digit strings", () => {
    expect(normalizeDate(1262304000)).toBe("2010-01-01T00:00:00.000Z");
    expect(normalizeDate("1262304000")).toBe("2010-01-01T00:00:00.000Z");
  });

  it("keeps an unreadable date as found, so the verifier can report it", () => {
    expect(normalizeDate("2015-04-31")).toBe("2015-04-31"); // April has 30 days; Date.parse would say 1 May
    expect(normalizeDate("Sat 25 Feb 2023 07:16:31 PM CST")).toBe("Sat 25 Feb 2023 07:16:31 PM CST");
    expect(normalizeDate("PAST DATE")).toBe("PAST DATE");
  });

  it("gives undefined for nothing", () => {
    expect(normalizeDate(undefined)).toBeUndefined();
    expect(normalizeDate("   ")).toBeUndefined();
    expect(normalizeDate({})).toBeUndefined();
  });

  it("rejects impossible times and offsets", () => {
    expect(parseIsoDate("2020-01-01T25:00:00Z")).toBeUndefined();
    expect(parseIsoDate("2020-02-30")).toBeUndefined();
    expect(parseIsoDate("2020-02-29")).toBe(Date.UTC(2020, 1, 29));
    expect(parseIsoDate("2020-01-01T00:00:00+19:00")).toBeUndefined();
  });
});
