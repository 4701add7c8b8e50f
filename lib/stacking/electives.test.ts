import { describe, expect, it } from "vitest";
import { computeProgress } from "./progress";
import type { Requirement } from "./definition";
import { allOf, credential, definition, holds, needs, NOW } from "@/testkit/stacking/builders";
import type { StackCredential } from "./credential";

const run = (requirements: Requirement, held: StackCredential[]) =>
  computeProgress([definition("p", requirements)], held, { now: NOW })[0]!;
const node = (p: ReturnType<typeof run>, id: string) =>
  [p.requirements!, ...p.requirements!.children].find((r) => r.id === id)!;

describe("elective requirements", () => {
  it("min-hours takes the largest credentials first, counts partially by weight but not by count", () => {
    const p = run({ id: "h", type: "min-hours", hours: 20 }, [
      credential("s", { hours: 5 }),
      credential("l", { hours: 12 }),
      credential("m", { hours: 8 }),
    ]);
    expect(p).toMatchObject({ complete: true, credentialIds: ["l", "m"] });
    const partial = run({ id: "h", type: "min-hours", hours: 40 }, [credential("a", { hours: 10 })]);
    expect(partial).toMatchObject({ percentByCount: 0, percentByWeight: 25, complete: false });
    expect(node(partial, "h")).toMatchObject({
      status: "partial",
      detail: "10 of 40 hours",
      remaining: { hours: 30, unknown: 0 },
    });
  });

  it("min-ects counts stated ECTS only: hours are never converted", () => {
    const p = run({ id: "e", type: "min-ects", ects: 2 }, [
      credential("h", { hours: 500 }),
      credential("e", { ects: 1 }),
    ]);
    expect(node(p, "e")).toMatchObject({
      status: "partial",
      detail: "1 of 2 ECTS",
      credentialIds: ["e"],
      remaining: { hours: 25, unknown: 0 },
    });
  });

  it("min-eqf needs `count` distinct credentials at the level or above", () => {
    const r: Requirement = { id: "q", type: "min-eqf", level: 5, count: 2 };
    expect(node(run(r, [credential("a", { eqf: 6 }), credential("b", { eqf: 4 })]), "q")).toMatchObject({
      status: "partial",
      detail: "1 of 2 at EQF 5 or higher",
    });
    expect(run(r, [credential("a", { eqf: 6 }), credential("b", { eqf: 5 })]).complete).toBe(true);
  });

  it("skills-covered recognises a skill by code or by name, and names what is missing", () => {
    const r: Requirement = {
      id: "s",
      type: "skills-covered",
      skills: [
        { name: "Triage", code: "https://esco.example/skill/1" },
        { name: "Wound care" },
        { name: "Sepsis recognition" },
      ],
    };
    const p = run(r, [
      credential("a", { skills: [{ name: "Emergency triage", code: "HTTPS://ESCO.EXAMPLE/skill/1" }] }),
      credential("b", { skills: [{ name: " wound  CARE " }] }),
    ]);
    expect(node(p, "s")).toMatchObject({
      status: "partial",
      credentialIds: ["a", "b"],
      detail: "2 of 3 skills; missing: Sepsis recognition",
    });
    expect(p.nextSteps[0]!.action).toBe("Cover Sepsis recognition");
  });

  it("draws electives only from credentials the pathway does not name", () => {
    const p = run(allOf("core", needs("a"), { id: "h", type: "min-hours", hours: 10 }), [
      holds("c1", "a", { hours: 40 }),
      holds("copy", "a", { hours: 40 }),
    ]);
    expect(node(p, "a").credentialIds).toEqual(["c1"]);
    expect(node(p, "h")).toMatchObject({ status: "missing", credentialIds: [] });
  });

  it("serves skills before EQF before hours, so a scarce credential goes where it is the only fit", () => {
    const p = run(
      allOf(
        "core",
        { id: "h", type: "min-hours", hours: 10 },
        { id: "s", type: "skills-covered", skills: [{ name: "Triage" }] },
      ),
      [credential("t", { hours: 10, skills: [{ name: "Triage" }] }), credential("x", { hours: 10 })],
    );
    expect(p.complete).toBe(true);
    expect([node(p, "s").credentialIds, node(p, "h").credentialIds]).toEqual([["t"], ["x"]]);
  });

  it("limits electives to an issuer when asked", () => {
    const r: Requirement = { id: "h", type: "min-hours", hours: 10, from: { issuerName: "Hill  Hospital" } };
    expect(run(r, [credential("a", { hours: 10, issuerName: "Other" })]).complete).toBe(false);
    expect(run(r, [credential("a", { hours: 10, issuerName: "hill hospital" })]).complete).toBe(true);
  });

  it("ignores expired credentials unless allowed, and says when only expired ones would count", () => {
    const old = credential("old", { hours: 20, validUntil: "2025-01-01" });
    expect(node(run({ id: "h", type: "min-hours", hours: 10 }, [old]), "h")).toMatchObject({
      status: "expired-only",
      credentialIds: [],
    });
    expect(run({ id: "h", type: "min-hours", hours: 10, allowExpired: true }, [old]).complete).toBe(true);
  });
});
