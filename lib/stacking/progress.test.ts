import { describe, expect, it } from "vitest";
import { compileCatalog, computeProgress, type PathwayProgress, type RequirementProgress } from "./progress";
import { toPercent } from "./score";
import type { PathwayDefinition, Requirement } from "./definition";
import { allOf, anyOf, credential, definition, holds, ISSUER, needs, NOW } from "@/testkit/stacking/builders";
import type { StackCredential } from "./credential";

const one = (d: PathwayDefinition, held: StackCredential[], catalog: PathwayDefinition[] = []) =>
  computeProgress([d, ...catalog], held, { now: NOW })[0]!;

function find(node: RequirementProgress | undefined, id: string): RequirementProgress | undefined {
  if (!node) return undefined;
  if (node.id === id) return node;
  for (const child of node.children) {
    const hit = find(child, id);
    if (hit) return hit;
  }
  return undefined;
}
const req = (p: PathwayProgress, id: string) => find(p.requirements, id)!;

describe("computeProgress: counting", () => {
  it("counts requirements met and their hours", () => {
    const d = definition(
      "p",
      allOf("core", needs("a", "a", { expectedHours: 10 }), needs("b", "b", { expectedHours: 30 })),
    );
    const p = one(d, [holds("c1", "a")]);
    expect(p).toMatchObject({
      complete: false,
      percentByCount: 50,
      percentByWeight: 25,
      weightHours: { done: 10, total: 40 },
      remaining: { hours: 30, unknown: 0 },
      credentialIds: ["c1"],
    });
    expect(req(p, "a")).toMatchObject({ status: "met", credentialIds: ["c1"] });
    expect(req(p, "b")).toMatchObject({ status: "missing", credentialIds: [] });
    expect(req(p, "core")).toMatchObject({ status: "partial", detail: "1 of 2 met" });
    expect(one(d, [holds("c1", "a"), holds("c2", "b")])).toMatchObject({
      complete: true,
      percentByCount: 100,
      percentByWeight: 100,
      remaining: { hours: 0, unknown: 0 },
    });
  });

  it("matches by issuer and title regardless of case and spacing", () => {
    const d = definition("p", {
      id: "cpr",
      type: "credential",
      label: "CPR",
      match: { issuerName: "Red Valley  Academy", title: "Adult CPR " },
    });
    expect(one(d, [credential("c1", { issuerName: "red valley academy", title: "adult   cpr" })]).complete).toBe(true);
    expect(one(d, [credential("c1", { issuerName: "Other Academy", title: "Adult CPR" })]).complete).toBe(false);
  });

  it("scores an any-n group by its n furthest-along options, each an equal share", () => {
    const d = definition("p", anyOf("pick", 2, needs("a"), needs("b"), needs("c")));
    expect(one(d, [holds("c1", "a")])).toMatchObject({ percentByCount: 50, complete: false });
    const p = one(d, [holds("c1", "a"), holds("c2", "c")]);
    expect(p).toMatchObject({ percentByCount: 100, complete: true });
    expect(req(p, "pick").detail).toBe("2 of 2 needed (from 3 options)");
    expect(p.missing).toEqual([]);
  });

  it("counts a credential once per pathway, using the best assignment rather than the first fit", () => {
    // c1 matches "a" by id and "b" by issuer + title; c2 matches only "a". First fit would give
    // c1 to "a" and leave "b" empty; the best assignment meets both.
    const d = definition(
      "p",
      allOf("core", needs("a", "x"), {
        id: "b",
        type: "credential",
        label: "B",
        match: { issuerName: ISSUER, title: "Module x" },
      }),
    );
    const c1 = holds("c1", "x");
    const c2 = holds("c2", "x", { title: "Module x (2025 edition)" });
    expect(one(d, [c1])).toMatchObject({ percentByCount: 50 });
    const p = one(d, [c1, c2]);
    expect(p).toMatchObject({ complete: true, credentialIds: ["c1", "c2"] });
    expect(req(p, "a").credentialIds).toEqual(["c2"]);
    expect(req(p, "b").credentialIds).toEqual(["c1"]);
  });

  it("prefers, among contested assignments, the one that completes a group", () => {
    // c1 can meet "a" (inside an any-1 group that c3 already meets) or "b" (alone).
    const d = definition(
      "p",
      allOf("core", anyOf("pick", 1, needs("a", "x"), needs("alt")), {
        id: "b",
        type: "credential",
        label: "B",
        match: { issuerName: ISSUER, title: "Module x" },
      }),
    );
    expect(one(d, [holds("c1", "x"), holds("c3", "alt")])).toMatchObject({ complete: true });
  });

  it("lets a credential count in several pathways, once in each", () => {
    const [p, q] = computeProgress([definition("p", needs("a")), definition("q", needs("a"))], [holds("c1", "a")], {
      now: NOW,
    });
    expect([p!.complete, q!.complete]).toEqual([true, true]);
  });
});

describe("computeProgress: validity", () => {
  const d = definition("p", allOf("core", needs("a"), needs("b", "b", { allowExpired: true })));

  it("never counts expired credentials, and says a requirement is met only by expired ones", () => {
    const p = one(d, [holds("old", "a", { validUntil: "2026-01-01T00:00:00Z" })]);
    expect(req(p, "a")).toMatchObject({ status: "expired-only", credentialIds: [], expiredCredentialIds: ["old"] });
    expect(p.nextSteps.map((s) => s.action)).toContain("Renew “Module a”");
  });

  it("counts a credential at the instant before it expires, not at the instant it does", () => {
    expect(req(one(d, [holds("c", "a", { validUntil: "2026-03-01T12:00:01Z" })]), "a").status).toBe("met");
    expect(req(one(d, [holds("c", "a", { validUntil: NOW.toISOString() })]), "a").status).toBe("expired-only");
  });

  it("counts expired credentials where a requirement allows it, preferring a valid one", () => {
    expect(req(one(d, [holds("old", "b", { validUntil: "2020-01-01" })]), "b").status).toBe("met");
    expect(
      req(
        one(d, [holds("old", "b", { validUntil: "2020-01-01" }), holds("new", "b", { validUntil: "2030-01-01" })]),
        "b",
      ).credentialIds,
    ).toEqual(["new"]);
  });

  it("never counts revoked credentials, not even where expired ones are allowed", () => {
    expect(req(one(d, [holds("r", "b", { revoked: true })]), "b").status).toBe("missing");
  });

  it("treats an unreadable expiry date as no expiry (verification flags it)", () => {
    expect(req(one(d, [holds("c", "a", { validUntil: "someday" })]), "a").status).toBe("met");
  });
});

describe("computeProgress: targets and stacking", () => {
  const small = definition("small", allOf("core", needs("s1"), needs("s2")));
  const big = definition("big", allOf("core", { id: "part", type: "pathway", pathwayId: "small" }, needs("b1")));
  const smallTarget = credential("t", { achievementId: "urn:target:small", title: "Target small" });

  it("meets a referenced pathway through its components, expanded under the reference's id", () => {
    const p = one(big, [holds("c1", "s1"), holds("c2", "s2")], [small]);
    expect(req(p, "part")).toMatchObject({ status: "met", label: "Pathway small" });
    expect(req(p, "part/s1").credentialIds).toEqual(["c1"]);
    expect(p).toMatchObject({ percentByCount: 66.6, complete: false });
  });

  it("meets a referenced pathway outright when the holder holds its target credential", () => {
    const p = one(big, [smallTarget, holds("c3", "b1")], [small]);
    expect(p.complete).toBe(true);
    expect(req(p, "part")).toMatchObject({
      status: "met",
      credentialIds: ["t"],
      detail: "Met by holding “Target small”",
    });
  });

  it("reports the pathway's own target as held, without counting it as a component", () => {
    const p = computeProgress(
      [small],
      [smallTarget, credential("x", { achievementId: "urn:target:small", title: "Module s1" })],
      { now: NOW },
    )[0]!;
    expect(p).toMatchObject({ targetHeld: true, targetCredentialIds: ["t", "x"], complete: false, credentialIds: [] });
  });

  it("turns unknown or cyclic references into requirements that cannot be met, never an error", () => {
    const cyclic = [
      definition("a", allOf("core", needs("m"), { id: "to-b", type: "pathway", pathwayId: "b" })),
      definition("b", { id: "to-a", type: "pathway", pathwayId: "a" }),
    ];
    const [a, b] = computeProgress(cyclic, [holds("c", "m")], { now: NOW });
    expect(a!.problems).toEqual(['Requirement "to-b/to-a" refers to pathway "a" in a cycle (a → b → a).']);
    expect(a).toMatchObject({ percentByCount: 50, complete: false });
    expect(b!.complete).toBe(false);
    const unknown = one(
      definition("u", allOf("core", needs("m"), { id: "gone", type: "pathway", pathwayId: "nowhere" })),
      [],
    );
    expect(unknown.problems).toEqual(['Requirement "gone" refers to pathway "nowhere", which is not in the catalog.']);
  });

  it("returns problems for an invalid definition instead of throwing", () => {
    const broken = {
      ...definition("bad", needs("a")),
      requirements: { id: "g", type: "any-of", count: 3, children: [needs("a")] },
    } as unknown as PathwayDefinition;
    const [p] = computeProgress([broken], [holds("c", "a")], { now: NOW });
    expect(p).toMatchObject({ pathwayId: "bad", complete: false, percentByCount: 0, requirements: undefined });
    expect(p!.problems).toEqual([
      'Requirement "g" (any n of) asks for any 3 of its options but has only 1, so it can never be met.',
    ]);
  });
});

describe("computeProgress: next steps and missing items", () => {
  it("suggests the cheapest way, fewest remaining hours first, unknown hours last", () => {
    const d = definition(
      "p",
      allOf(
        "core",
        needs("big", "big", { expectedHours: 40 }),
        needs("mystery"),
        anyOf("pick", 1, needs("o1", "o1", { expectedHours: 20 }), needs("o2", "o2", { expectedHours: 5 })),
        { id: "h", type: "min-hours", hours: 10 },
      ),
    );
    const p = one(d, [credential("x", { hours: 4 })]);
    expect(p.nextSteps.map((s) => [s.requirementId, s.remaining])).toEqual([
      ["o2", { hours: 5, unknown: 0 }],
      ["h", { hours: 6, unknown: 0 }],
      ["big", { hours: 40, unknown: 0 }],
      ["mystery", { hours: 0, unknown: 1 }],
    ]);
    expect(p.nextSteps[1]!.action).toBe("Add 6 more hours of learning");
    expect(p.nextSteps[0]).toMatchObject({ achievementId: "urn:a:o2", action: "Earn “Module o2”" });
    expect(p.remaining).toEqual({ hours: 51, unknown: 1 });
    expect(p.missing.map((m) => [m.requirementId, m.status, m.optional])).toEqual([
      ["big", "missing", false],
      ["mystery", "missing", false],
      ["o1", "missing", true],
      ["o2", "missing", true],
      ["h", "partial", false],
    ]);
  });

  it("is deterministic whatever order the credentials come in", () => {
    const d = definition(
      "p",
      allOf("core", anyOf("pick", 2, needs("a"), needs("b"), needs("c")), { id: "h", type: "min-hours", hours: 12 }),
    );
    const held = [
      holds("c1", "a"),
      holds("c2", "b"),
      holds("c3", "c"),
      credential("x1", { hours: 6 }),
      credential("x2", { hours: 6 }),
      credential("x3", { hours: 6 }),
    ];
    const expected = one(d, held);
    for (const order of [[...held].reverse(), [held[3]!, held[0]!, held[5]!, held[2]!, held[1]!, held[4]!]])
      expect(one(d, order)).toEqual(expected);
  });
});

describe("computeProgress: requirement shapes", () => {
  const shapes: Array<[string, Requirement]> = [
    ["min-hours", { id: "r", type: "min-hours", hours: 10 }],
    ["min-ects", { id: "r", type: "min-ects", ects: 2 }],
    ["min-eqf", { id: "r", type: "min-eqf", level: 5, count: 2 }],
    [
      "skills-covered",
      { id: "r", type: "skills-covered", skills: [{ name: "Wound care" }, { name: "Triage", code: "esco:triage" }] },
    ],
  ];
  it.each(shapes)("%s never crashes on an empty wallet", (_, r) => {
    expect(one(definition("p", r), [])).toMatchObject({ complete: false, percentByCount: 0, percentByWeight: 0 });
  });
});

describe("compileCatalog", () => {
  it("gives the same progress as passing the definitions, and leaves the compiled catalog untouched", () => {
    const catalog = [
      definition("small", allOf("core", needs("s1"), needs("s2"))),
      definition(
        "big",
        allOf("core", { id: "part", type: "pathway", pathwayId: "small" }, { id: "h", type: "min-hours", hours: 5 }),
      ),
    ];
    const wallet = [holds("c1", "s1"), credential("x", { hours: 6 })];
    const compiled = compileCatalog(catalog);
    const first = computeProgress(compiled, wallet, { now: NOW });
    first[0]!.problems.push("mutated by a caller");
    expect(computeProgress(compiled, wallet, { now: NOW })).toEqual(computeProgress(catalog, wallet, { now: NOW }));
  });
});

describe("toPercent", () => {
  it("rounds down to a tenth and reaches 100 only when complete", () => {
    expect([
      toPercent(2 / 3, false),
      toPercent(0.9999999, false),
      toPercent(1, false),
      toPercent(1, true),
      toPercent(-0.1, false),
    ]).toEqual([66.6, 99.9, 99.9, 100, 0]);
  });
});
