import { describe, expect, it } from "vitest";
import { CATALOG, computeProgress, DEMO_COMPONENTS, DEMO_ISSUER, type PathwayDefinition } from "@/lib/stacking";
import { allOf, anyOf, definition, holds, needs, NOW } from "@/testkit/stacking/builders";
import {
  completionText,
  definitionsBySlug,
  effortText,
  groupPathways,
  hoursText,
  nextStepText,
  pathwayHref,
  pathwayIdFromSegment,
  progressUnits,
  remainingText,
  statusView,
  targetLine,
  unitsText,
} from "./progress-text";

function evaluate(definitions: PathwayDefinition[], held: Parameters<typeof computeProgress>[1]) {
  const progress = computeProgress(definitions, held, { now: NOW });
  const bySlug = definitionsBySlug(definitions.map((d) => ({ definition: d })));
  return definitions.map((d, i) => ({
    definition: d,
    progress: progress[i]!,
    units: progressUnits({ definition: d, progress: progress[i]! }, bySlug),
  }));
}

const isUuid = (v: string) => /^[0-9a-f-]{36}$/i.test(v);

describe("requirements met", () => {
  it("counts every part of an all-of group", () => {
    const [p] = evaluate(
      [definition("five", allOf("all", needs("a"), needs("b"), needs("c"), needs("d"), needs("e")))],
      [holds("1", "a"), holds("2", "b"), holds("3", "c")],
    );
    expect(unitsText(p!.units)).toBe("3 of 5 requirements met");
    expect(p!.progress.percentByCount).toBe(60);
  });

  it("needs only n of an any-n group, and never counts more than n as met", () => {
    const def = definition("three-of-four", anyOf("any", 3, needs("a"), needs("b"), needs("c"), needs("d")));
    expect(evaluate([def], [holds("1", "a"), holds("2", "b")])[0]!.units).toEqual({ met: 2, total: 3 });
    expect(evaluate([def], [holds("1", "a"), holds("2", "b"), holds("3", "c"), holds("4", "d")])[0]!.units).toEqual({
      met: 3,
      total: 3,
    });
  });

  it("expands a referenced pathway into its own requirements, all met once its target is held", () => {
    const inner = definition("inner", allOf("all", needs("a"), needs("b")));
    const outer = definition("outer", allOf("root", { id: "ref", type: "pathway", pathwayId: "inner" }, needs("c")));
    expect(evaluate([inner, outer], [holds("1", "a")])[1]!.units).toEqual({ met: 1, total: 3 });
    const target = {
      id: "9",
      achievementId: "urn:target:inner",
      title: "Target inner",
      issuerName: inner.target.issuer.name,
      skills: [],
      related: [],
      kind: "micro-credential" as const,
    };
    expect(evaluate([inner, outer], [target])[1]!.units).toEqual({ met: 2, total: 3 });
  });

  it("agrees with the engine's percentage on the seeded catalog", () => {
    const results = evaluate([...CATALOG], []);
    for (const r of results) {
      expect(r.units.met).toBe(0);
      expect(r.units.total).toBeGreaterThan(0);
    }
    const informatics = results.find((r) => r.definition.id === "health-informatics")!;
    // entry + 5 coding modules + 3 of 4 interoperability modules + capstone + EHR evidence + 40 h electives
    expect(informatics.units.total).toBe(12);
  });

  it("matches percentByCount when part of a stacked pathway is held", () => {
    const held = DEMO_COMPONENTS.filter(
      (c) => c.pathwayId === "icd-11-clinical-coding" || c.requirementId === "fhir",
    ).map((c, i) =>
      holds(String(i), "x", {
        achievementId: c.achievementId,
        title: c.title,
        issuerName: DEMO_ISSUER.name,
        hours: c.hours,
      }),
    );
    for (const r of evaluate([...CATALOG], held)) {
      if (r.units.total === 0 || r.progress.complete) continue;
      const share = Math.floor((r.units.met / r.units.total) * 1000 + 1e-6) / 10;
      expect(share, r.definition.id).toBe(r.progress.percentByCount);
    }
    const informatics = evaluate([...CATALOG], held).find((r) => r.definition.id === "health-informatics")!;
    expect(informatics.units).toEqual({ met: 6, total: 12 });
  });

  it("reads the same for a single requirement", () => {
    expect(unitsText({ met: 1, total: 1 })).toBe("1 of 1 requirements met");
  });
});

describe("progress phrases", () => {
  it("states hours, effort and what remains", () => {
    expect(hoursText({ done: 45, total: 120 })).toBe("45 of 120 hours");
    expect(hoursText({ done: 0.5, total: 1 })).toBe("0.5 of 1 hour");
    expect(effortText({ hours: 20, unknown: 0 })).toBe("about 20 h");
    expect(effortText({ hours: 20, unknown: 1 })).toBeNull();
    expect(remainingText({ hours: 12.5, unknown: 2 })).toBe("About 12.5 h to go, plus 2 parts with no stated hours");
    expect(remainingText({ hours: 0, unknown: 1 })).toBe("1 part with no stated hours");
    expect(remainingText({ hours: 0, unknown: 0 })).toBeNull();
  });

  it("writes the next step with its hours when known", () => {
    const step = {
      requirementId: "x",
      label: "Postcoordination and Extension Codes",
      action: "Earn “Postcoordination and Extension Codes”",
      remaining: { hours: 20, unknown: 0 },
    };
    expect(nextStepText(step)).toBe("Earn “Postcoordination and Extension Codes” · about 20 h");
    expect(nextStepText({ ...step, remaining: { hours: 0, unknown: 1 } })).toBe(
      "Earn “Postcoordination and Extension Codes”",
    );
  });

  it("names every status in words", () => {
    expect(statusView("met", "credential").word).toBe("Earned");
    expect(statusView("met", "all-of").word).toBe("Met");
    expect(statusView("partial", "min-hours").word).toBe("In progress");
    expect(statusView("missing", "credential").word).toBe("Missing");
    expect(statusView("expired-only", "credential").word).toBe("Expired — renew it");
  });

  it("says whether the target is held, and whom to ask otherwise", () => {
    const def = definition("p", needs("a"));
    const [p] = evaluate([def], [holds("1", "a")]);
    expect(p!.progress.complete).toBe(true);
    expect(completionText(def, p!.progress)).toBe(`Ask ${def.target.issuer.name} for the “Target p” credential.`);
    expect(completionText(def, { ...p!.progress, targetHeld: true })).toBe("You hold the target credential.");
    const goal = { ...def, target: { ...def.target, issuer: { name: "Set by you" } } };
    expect(completionText(goal, p!.progress)).toBe("Ask the awarding body for the “Target p” credential.");
    expect(targetLine(goal)).toBe("Micro-credential");
    expect(targetLine(def)).toBe(`Micro-credential · awarded by ${def.target.issuer.name}`);
  });
});

describe("overview sections and addresses", () => {
  const p = (source: string, followed: boolean, complete: boolean) => ({ source, followed, progress: { complete } });

  it("sorts pathways into followed, completed, catalog and suggested", () => {
    const groups = groupPathways([
      p("catalog", true, false),
      p("goal", true, true),
      p("catalog", false, false),
      p("linked", false, true),
      p("catalog", false, true),
    ]);
    expect(groups.yours).toHaveLength(1);
    expect(groups.completed.map((x) => x.source)).toEqual(["goal", "catalog"]);
    expect(groups.explore).toHaveLength(1);
    expect(groups.suggested).toHaveLength(1);
  });

  it("gives linked suggestions a URL segment and reads it back", () => {
    expect(pathwayHref("linked:3")).toBe("/pathways/linked-3");
    expect(pathwayHref("6f1c1f44-8d5e-4a47-9c4b-1c8f0a1b2c3d")).toBe("/pathways/6f1c1f44-8d5e-4a47-9c4b-1c8f0a1b2c3d");
    expect(pathwayIdFromSegment("linked-3", isUuid)).toBe("linked:3");
    expect(pathwayIdFromSegment("linked-03", isUuid)).toBe("linked:3");
    expect(pathwayIdFromSegment("6F1C1F44-8D5E-4A47-9C4B-1C8F0A1B2C3D", isUuid)).toBe(
      "6f1c1f44-8d5e-4a47-9c4b-1c8f0a1b2c3d",
    );
    expect(pathwayIdFromSegment("linked-", isUuid)).toBeNull();
    expect(pathwayIdFromSegment("../etc", isUuid)).toBeNull();
  });
});
