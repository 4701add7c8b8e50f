import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog";
import { validateCatalog, type PathwayDefinition } from "./definition";
import { computeProgress } from "./progress";
import { allOf, definition, needs } from "@/testkit/stacking/builders";

const ref = (id: string, pathwayId: string) => ({ id, type: "pathway" as const, pathwayId });

describe("validateCatalog", () => {
  it("accepts the seeded catalog without warnings", () => {
    expect(validateCatalog(CATALOG)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it("names references to pathways that are not in the catalog", () => {
    const result = validateCatalog([definition("a", allOf("core", needs("x"), ref("next", "missing")))]);
    expect(result.errors).toEqual([
      'Pathway "a", requirement "next" refers to pathway "missing", which is not in the catalog.',
    ]);
  });

  it("names each cycle once, from its smallest id, however it is entered", () => {
    const catalog = [
      definition("c", ref("to-a", "a")),
      definition("a", ref("to-b", "b")),
      definition("b", ref("to-c", "c")),
      definition("d", ref("to-a", "a")),
    ];
    expect(validateCatalog(catalog).errors).toEqual([
      "Pathways refer to each other in a cycle: a → b → c → a; none of them could ever be completed.",
    ]);
    const two = validateCatalog([
      definition("x", allOf("g", needs("m"), ref("y", "y"))),
      definition("y", ref("x", "x")),
    ]);
    expect(two.errors).toEqual([
      "Pathways refer to each other in a cycle: x → y → x; none of them could ever be completed.",
    ]);
  });

  it("reports invalid definitions and duplicate ids with the pathway they belong to", () => {
    const broken = {
      ...definition("bad", needs("a")),
      requirements: { id: "g", type: "all-of", children: [] },
    } as unknown as PathwayDefinition;
    const result = validateCatalog([definition("a", needs("x")), definition("a", needs("y")), broken]);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      'Pathway id "a" is used by more than one definition.',
      'Pathway "bad": Requirement "g" (all of) is an empty group: add at least one requirement to it',
    ]);
  });

  it("warns when a stacked pathway would need the same credential twice", () => {
    const catalog = [
      definition("small", needs("shared")),
      definition("big", allOf("core", needs("shared"), ref("first", "small"))),
    ];
    const result = validateCatalog(catalog);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      'Pathway "big" names the same credential in requirement "shared" and in requirement "shared" of pathway "small"; a credential counts once per pathway, so the holder would need two copies.',
    ]);
  });
});

describe("validateCatalog and computeProgress on stacks that explode when expanded", () => {
  it("refuse a pathway too large once expanded, and never hang", () => {
    const catalog = [definition("p0", needs("m"))];
    for (let i = 1; i <= 10; i++)
      catalog.push(definition(`p${i}`, allOf("both", ref("left", `p${i - 1}`), ref("right", `p${i - 1}`))));
    const result = validateCatalog(catalog);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(
      /^Pathway "p\d+" has \d+ requirements once the pathways it refers to are included; at most 2000 are allowed\.$/,
    );
    const progress = computeProgress(catalog, [], { now: new Date("2026-01-01") });
    expect(progress.at(-1)!.problems.some((p) => p.includes("too large to evaluate"))).toBe(true);
  });
});
