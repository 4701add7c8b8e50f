import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog";
import { DEFINITION_LIMITS, parsePathwayDefinition, type Requirement } from "./definition";
import { allOf, anyOf, definition, needs } from "@/testkit/stacking/builders";

const errorsOf = (input: unknown) => {
  const result = parsePathwayDefinition(input);
  return result.ok ? [] : result.errors;
};
const withRequirements = (requirements: unknown) => ({ ...definition("p", needs("a")), requirements });

describe("parsePathwayDefinition", () => {
  it("accepts every catalog definition, as objects and as JSON text", () => {
    for (const d of CATALOG) {
      expect(parsePathwayDefinition(d)).toEqual({ ok: true, definition: d });
      expect(parsePathwayDefinition(JSON.stringify(d)).ok).toBe(true);
    }
  });

  it("refuses text that is not JSON or not an object", () => {
    expect(errorsOf("{not json")).toEqual(["The definition is not valid JSON."]);
    expect(errorsOf("[]")).toEqual(["The definition must be a JSON object."]);
    expect(errorsOf(null)).toEqual(["The definition must be a JSON object."]);
  });

  it("names the version it reads and the fields that are missing", () => {
    expect(errorsOf({ ...definition("p", needs("a")), version: 2 })).toContain(
      "version must be 1 (the only pathway definition version this Tessera reads)",
    );
    const untitled: Record<string, unknown> = { ...definition("p", needs("a")) };
    delete untitled.title;
    expect(errorsOf(untitled)).toContain("title is missing");
    expect(errorsOf({ ...definition("p", needs("a")), id: "Not A Slug" })).toContain(
      "id must be a slug: lowercase letters, digits and single hyphens",
    );
  });

  it("names the requirement for an unknown field or type", () => {
    expect(errorsOf(withRequirements({ id: "core", type: "all-of", childern: [] }))).toEqual(
      expect.arrayContaining(['Requirement "core" (all of) has an unknown field "childern"']),
    );
    expect(errorsOf(withRequirements({ id: "core", type: "some-of", children: [] }))).toEqual([
      'Requirement "core": type must be one of: all-of, any-of, credential, min-hours, min-ects, min-eqf, skills-covered, pathway',
    ]);
  });

  it("refuses duplicate requirement ids", () => {
    expect(errorsOf(withRequirements(allOf("core", needs("a"), needs("a", "b"))))).toEqual([
      'Requirement id "a" is used more than once; ids must be unique within a pathway.',
    ]);
  });

  it("refuses any-n groups asking for more options than they have, or fewer than one", () => {
    expect(errorsOf(withRequirements(anyOf("pick", 3, needs("a"), needs("b"))))).toEqual([
      'Requirement "pick" (any n of) asks for any 3 of its options but has only 2, so it can never be met.',
    ]);
    expect(errorsOf(withRequirements(anyOf("pick", 0, needs("a"))))).toEqual([
      'Requirement "pick" (any n of): count must be at least 1',
    ]);
  });

  it("refuses any-n groups whose meetable options are fewer than n", () => {
    const impossible: Requirement = anyOf("inner", 2, needs("x"));
    expect(errorsOf(withRequirements(anyOf("outer", 2, needs("a"), impossible, needs("b"))))).toEqual([
      'Requirement "inner" (any n of) asks for any 2 of its options but has only 1, so it can never be met.',
    ]);
    expect(
      errorsOf(withRequirements(anyOf("outer", 2, needs("a"), anyOf("i1", 2, needs("x")), anyOf("i2", 2, needs("y"))))),
    ).toContain(
      'Requirement "outer" (any n of) asks for any 2 of its options but only 1 of them can be met, so it can never be met.',
    );
  });

  it("refuses negative or zero hours and ECTS, and EQF levels outside 1–8", () => {
    expect(errorsOf(withRequirements({ id: "h", type: "min-hours", hours: -5 }))).toEqual([
      'Requirement "h" (minimum hours): hours must be more than 0',
    ]);
    expect(errorsOf(withRequirements({ id: "e", type: "min-ects", ects: 0 }))).toEqual([
      'Requirement "e" (minimum ECTS): ects must be more than 0',
    ]);
    expect(errorsOf(withRequirements(needs("a", "a", { expectedHours: -1 })))).toEqual([
      'Requirement "a" (credential): expectedHours must be more than 0',
    ]);
    for (const level of [0, 9, 4.5])
      expect(errorsOf(withRequirements({ id: "lvl", type: "min-eqf", level })).join()).toMatch(
        /^Requirement "lvl" \(minimum EQF level\): EQF level must be/,
      );
  });

  it("refuses empty groups and empty skill lists", () => {
    expect(errorsOf(withRequirements({ id: "core", type: "all-of", children: [] }))).toEqual([
      'Requirement "core" (all of) is an empty group: add at least one requirement to it',
    ]);
    expect(errorsOf(withRequirements({ id: "s", type: "skills-covered", skills: [] }))).toEqual([
      'Requirement "s" (skills covered) lists no skills',
    ]);
  });

  it("refuses credential requirements that could never match, or name a credential twice", () => {
    expect(errorsOf(withRequirements({ id: "c", type: "credential", label: "C", match: {} }))).toEqual([
      'Requirement "c" (credential) says neither an achievement id nor an issuer and title, so no credential could ever meet it.',
    ]);
    expect(errorsOf(withRequirements({ id: "c", type: "credential", label: "C", match: { issuerName: "X" } }))).toEqual(
      ['Requirement "c" (credential) matches by issuer and title but gives only the issuer; give both.'],
    );
    const twice = allOf(
      "core",
      { id: "a", type: "credential", label: "A", match: { issuerName: "Academy", title: "CPR" } },
      { id: "b", type: "credential", label: "B", match: { issuerName: " ACADEMY ", title: "cpr" } },
    );
    expect(errorsOf(withRequirements(twice))).toEqual([
      'Requirement "b" (credential) names the same credential as requirement "a"; a credential counts once per pathway, so both can never be met by it.',
    ]);
  });

  it("refuses a pathway that refers to itself", () => {
    expect(
      errorsOf(withRequirements(allOf("core", needs("a"), { id: "me", type: "pathway", pathwayId: "p" }))),
    ).toEqual(['Requirement "me" (pathway) refers to its own pathway "p", so it can never be met.']);
  });

  it("refuses nesting deeper than the limit and too many requirements, before walking them", () => {
    let deep: Requirement = needs("leaf");
    for (let i = 0; i < DEFINITION_LIMITS.maxDepth; i++) deep = allOf(`g${i}`, deep);
    expect(errorsOf(withRequirements(deep))).toEqual([
      `Requirements are nested more than ${DEFINITION_LIMITS.maxDepth} levels deep; flatten the groups.`,
    ]);
    let hostile: unknown = { id: "x", type: "credential", label: "x", match: { achievementId: "x" } };
    for (let i = 0; i < 50_000; i++) hostile = { id: `g${i}`, type: "all-of", children: [hostile] };
    expect(errorsOf(withRequirements(hostile))[0]).toMatch(/nested more than/);
    const wide = allOf("core", ...Array.from({ length: DEFINITION_LIMITS.maxRequirements }, (_, i) => needs(`m${i}`)));
    expect(errorsOf(withRequirements(wide))).toEqual([
      `The definition has more than ${DEFINITION_LIMITS.maxRequirements} requirements; split it into pathways that refer to each other.`,
    ]);
  });

  it("describes a requirement without a usable id by its place", () => {
    expect(errorsOf(withRequirements(allOf("core", { type: "min-hours", hours: 3 } as never)))).toContain(
      "Requirement at requirements.children[0] (minimum hours): id is missing",
    );
  });
});
