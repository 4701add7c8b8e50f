import { describe, expect, it } from "vitest";
import { EU_ELEMENTS, type EuElementKey } from "@/lib/credentials/record";
import { euElementsSummary } from "./eu-elements";

describe("euElementsSummary", () => {
  it("lists every Annex I element, split into mandatory and optional, and counts those present", () => {
    const euElements = Object.fromEntries(
      EU_ELEMENTS.map((e) => [e.key, ["title", "learner", "grade"].includes(e.key)]),
    ) as Record<EuElementKey, boolean>;
    const summary = euElementsSummary({ euElements });
    expect(summary.mandatory).toHaveLength(11);
    expect(summary.optional).toHaveLength(5);
    expect(summary.mandatoryPresent).toBe(2);
    expect(summary.optionalPresent).toBe(1);
    expect(summary.mandatory.find((r) => r.key === "awardingBody")).toMatchObject({
      present: false,
      label: "Awarding body",
    });
  });

  it("treats a record without the map as carrying none", () => {
    const summary = euElementsSummary({ euElements: undefined as unknown as Record<EuElementKey, boolean> });
    expect(summary.mandatoryPresent + summary.optionalPresent).toBe(0);
  });
});
