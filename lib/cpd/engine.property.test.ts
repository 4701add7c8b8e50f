import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildActivity, type CpdActivity } from "./activity";
import { computeCycleProgress } from "./engine";
import { cpdProfileSchema, RECORD_KINDS } from "./profile-schema";

const TOPICS = ["safety", "law", "ethics"];

const profile = cpdProfileSchema.parse({
  id: "prop",
  name: "Property profile",
  regulator: "Test",
  profession: "Nurse",
  jurisdiction: "Test",
  source: { title: "Generated", retrieved: "2026-01-01" },
  cycleMonths: 24,
  rules: [
    { id: "total", kind: "total-hours", label: "Total", minHours: 40 },
    { id: "with-others", kind: "participatory-hours", label: "With others", minHours: 10 },
    ...TOPICS.map((t) => ({
      id: t,
      kind: "topic-hours",
      label: t,
      topic: t,
      keywords: [t],
      minHours: 2,
      exclusive: t !== "ethics",
    })),
    {
      id: "also-safety",
      kind: "topic-hours",
      label: "Safety again",
      topic: "safety",
      keywords: ["safety"],
      minHours: 1,
      exclusive: true,
    },
    { id: "reflections", kind: "record-count", label: "Reflections", recordKind: "reflective-account", minCount: 2 },
  ],
});
const cycle = { startsOn: "2025-01-01", endsOn: "2026-12-31" };

const activityArb = (id: string) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 1100 }),
      hours: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: null }),
      ects: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      participatory: fc.boolean(),
      topics: fc.subarray(TOPICS),
      kinds: fc.subarray([...RECORD_KINDS]),
      excluded: fc.boolean(),
    })
    .map((r): CpdActivity =>
      buildActivity(
        {
          credentialId: id,
          title: `Course ${id}`,
          issuer: "Issuer",
          issuedAt: new Date(Date.UTC(2024, 6, 1) + r.day * 86_400_000),
          hours: r.hours,
          ects: r.ects,
          participation: null,
          skills: r.topics,
          outcomes: [],
          holderTags: [...(r.participatory ? ["participatory"] : []), ...r.kinds],
          verdict: null,
          selfReported: false,
          override: r.excluded
            ? { hours: null, participatory: null, topics: null, recordKinds: null, excluded: true }
            : null,
        },
        profile.hoursPerEcts,
      ),
    );

const walletArb = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activityArb(`c${String(i).padStart(2, "0")}`))));

const run = (activities: CpdActivity[]) => computeCycleProgress(profile, cycle, activities, "2025-06-01");

describe("hour counting properties", () => {
  it("adding an activity never lowers any rule's total", () => {
    fc.assert(
      fc.property(walletArb, activityArb("new"), (wallet, extra) => {
        const before = run(wallet);
        const after = run([...wallet, extra]);
        before.rules.forEach((rule, i) => expect(after.rules[i]!.counted).toBeGreaterThanOrEqual(rule.counted));
      }),
      { numRuns: 300 },
    );
  });

  it("a credential counts at most once per rule, even when it is passed twice", () => {
    fc.assert(
      fc.property(walletArb, (wallet) => {
        const progress = run([...wallet, ...wallet]);
        for (const rule of progress.rules) expect(new Set(rule.activityIds).size).toBe(rule.activityIds.length);
        expect(progress.rules).toEqual(run(wallet).rules);
      }),
    );
  });

  it("exclusive rules never share a credential", () => {
    fc.assert(
      fc.property(walletArb, (wallet) => {
        const progress = run(wallet);
        const exclusive = progress.rules.filter((r) => r.rule.exclusive).flatMap((r) => r.activityIds);
        expect(new Set(exclusive).size).toBe(exclusive.length);
      }),
    );
  });

  it("the total equals the sum of the distinct activities in the cycle", () => {
    fc.assert(
      fc.property(walletArb, (wallet) => {
        const progress = run(wallet);
        const inCycle = wallet.filter((a) => !a.excluded && a.date! >= cycle.startsOn && a.date! <= cycle.endsOn);
        const sum = inCycle.reduce((s, a) => s + a.hours, 0);
        expect(progress.rules[0]!.counted).toBeCloseTo(sum, 1);
        expect(progress.counted.length + progress.outside.length).toBe(wallet.length);
        for (const rule of progress.rules.filter((r) => r.unit === "hours"))
          expect(rule.counted).toBeLessThanOrEqual(progress.rules[0]!.counted + 1e-9);
      }),
    );
  });
});
