import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CredentialKind } from "../record";
import { decideKind, type KindInput } from "./kind";

const RANK: Record<CredentialKind, number> = { badge: 0, "micro-credential": 1, "nano-degree": 2 };

describe("decideKind", () => {
  it("rule 0: a presentation and an endorsement are badges", () => {
    expect(decideKind({ structure: "presentation", hours: 500 })).toMatchObject({ kind: "badge", rule: "envelope" });
    expect(decideKind({ structure: "endorsement" })).toMatchObject({ kind: "badge", rule: "envelope" });
  });

  it("rule 1: the issuer's unambiguous achievement type decides", () => {
    expect(decideKind({ achievementType: "Badge", hours: 400 })).toMatchObject({ kind: "badge", rule: "issuer-type" });
    expect(decideKind({ achievementType: "MicroCredential", ects: 10 })).toMatchObject({
      kind: "micro-credential",
      rule: "issuer-type",
    });
    expect(decideKind({ achievementType: "BachelorDegree" })).toMatchObject({
      kind: "nano-degree",
      rule: "issuer-type",
    });
    expect(decideKind({ achievementType: "Diploma", hours: 2 }).kind).toBe("nano-degree");
    expect(decideKind({ achievementType: "MicroCredential" }).reason).toBe(
      "The issuer's achievement type is “MicroCredential”, which Tessera shows as a micro-credential.",
    );
  });

  it("'Achievement' (OB 3.0's generic default) and unknown ext: types do not decide", () => {
    expect(decideKind({ achievementType: "Achievement", hours: 30 })).toMatchObject({
      kind: "micro-credential",
      rule: "workload",
    });
    expect(decideKind({ achievementType: "ext:Whatever" })).toMatchObject({ kind: "badge", rule: "default" });
  });

  it("rule 2: a CLR, or anything with parts, is a nano-degree", () => {
    expect(decideKind({ structure: "clr" })).toMatchObject({ kind: "nano-degree", rule: "structure" });
    expect(decideKind({ hasParts: true, hours: 3 })).toMatchObject({ kind: "nano-degree", rule: "structure" });
  });

  it("rule 3a: workload thresholds, hours and ECTS each on their own scale", () => {
    expect(decideKind({ hours: 24 })).toMatchObject({ kind: "badge", rule: "workload" });
    expect(decideKind({ hours: 25 })).toMatchObject({ kind: "micro-credential", rule: "workload" });
    expect(decideKind({ hours: 149.5 }).kind).toBe("micro-credential");
    expect(decideKind({ hours: 150 }).kind).toBe("nano-degree");
    expect(decideKind({ ects: 0.5 }).kind).toBe("badge");
    expect(decideKind({ ects: 1 }).kind).toBe("micro-credential");
    expect(decideKind({ ects: 6 }).kind).toBe("nano-degree");
    expect(decideKind({ hours: 60, ects: 2 }).reason).toBe(
      "A workload of 60 hours and 2 ECTS (25 hours or 1 ECTS or more, below 150 hours and 6 ECTS) makes it a micro-credential.",
    );
    expect(decideKind({ hours: 20, ects: 6 }).kind).toBe("nano-degree"); // the larger reading wins
  });

  it("rule 3b/3c: certificate-like types and the EU standard are floors, not ceilings", () => {
    expect(decideKind({ achievementType: "Certificate" })).toMatchObject({
      kind: "micro-credential",
      rule: "type-floor",
    });
    expect(decideKind({ achievementType: "Certificate", hours: 200 })).toMatchObject({
      kind: "nano-degree",
      rule: "workload",
    });
    expect(decideKind({ achievementType: "Course", hours: 5 })).toMatchObject({
      kind: "micro-credential",
      rule: "type-floor",
    });
    expect(decideKind({ euMandatoryComplete: true })).toMatchObject({ kind: "micro-credential", rule: "eu-standard" });
    expect(decideKind({ euMandatoryComplete: true, ects: 10 })).toMatchObject({
      kind: "nano-degree",
      rule: "workload",
    });
  });

  it("rule 4: nothing stated → badge, with the reason in words", () => {
    expect(decideKind({})).toEqual({
      kind: "badge",
      rule: "default",
      reason: "Neither a workload nor a credential type says otherwise, so it is shown as a badge.",
    });
  });

  it("is monotone in workload: more hours or ECTS never give a smaller kind (property)", () => {
    const input = fc.record(
      {
        achievementType: fc.constantFrom(
          undefined,
          "Badge",
          "Achievement",
          "Course",
          "Certificate",
          "MicroCredential",
          "Degree",
          "ext:Other",
        ),
        structure: fc.constantFrom(undefined, "clr" as const, "presentation" as const, "endorsement" as const),
        hasParts: fc.boolean(),
        euMandatoryComplete: fc.boolean(),
        ects: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    const hours = fc.option(fc.double({ min: 0, max: 3000, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        input,
        hours,
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (base: KindInput, h, moreHours, moreEcts) => {
          const before = decideKind({ ...base, hours: h });
          const afterHours = decideKind({ ...base, hours: (h ?? 0) + moreHours });
          const afterEcts = decideKind({ ...base, hours: h, ects: (base.ects ?? 0) + moreEcts });
          expect(RANK[afterHours.kind]).toBeGreaterThanOrEqual(RANK[before.kind]);
          expect(RANK[afterEcts.kind]).toBeGreaterThanOrEqual(RANK[before.kind]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), (hours) => {
        expect(decideKind({ hours })).toEqual(decideKind({ hours }));
      }),
    );
  });
});
