import { describe, expect, it } from "vitest";
import { formattersFor } from "./format";

describe("formatting in the reader's language", () => {
  it("writes days in the language, in UTC", () => {
    // 23:30 UTC on 3 March is 4 March east of Greenwich: the credential's day must not move.
    const instant = "2026-03-03T23:30:00Z";
    expect(formattersFor("en").day(instant)).toBe("3 March 2026");
    expect(formattersFor("de").day(instant)).toBe("3. März 2026");
    expect(formattersFor("fr").day(instant)).toBe("3 mars 2026");
    expect(formattersFor("uk").day(instant)).toMatch(/^3 березня 2026/);
    expect(formattersFor("ar").day(instant)).toContain("مارس");
  });

  it("shows an unreadable date as given, and nothing for none", () => {
    expect(formattersFor("de").day("spring, the year before")).toBe("spring, the year before");
    expect(formattersFor("de").day(null)).toBeNull();
    expect(formattersFor("de").shortDay("nonsense")).toBeNull();
  });

  it("groups and separates numbers the reader's way", () => {
    expect(formattersFor("en").count(12400)).toBe("12,400");
    expect(formattersFor("de").count(12400)).toBe("12.400");
    expect(formattersFor("de").number(2.5)).toBe("2,5");
    expect(formattersFor("fr").number(2.5)).toBe("2,5");
  });

  it("writes hours and ECTS together as the workload", () => {
    expect(formattersFor("de").workload(6, 2.5)).toBe("6 Std. · 2,5\u00a0ECTS");
    expect(formattersFor("fr").workload(6, null)).toMatch(/^6\sh$/);
    expect(formattersFor("uk").hours(12)).toMatch(/^12 год/);
    expect(formattersFor("es").workload(null, null)).toBeNull();
  });

  it("formats huge counts", () => {
    expect(formattersFor("ar").count(Number.MAX_SAFE_INTEGER)).toMatch(/9.007.199.254.740.991|٩/);
  });
});
