import { describe, expect, it } from "vitest";
import { buildActivity } from "./activity";
import { CPD_CATALOG } from "./catalog";
import { checkCycleDates } from "./cycle-rules";
import { cycleEndFor } from "./dates";
import { computeCycleProgress } from "./engine";
import { checkProfile, cpdProfileSchema, type CpdProfile } from "./profile-schema";
import { source } from "@/testkit/cpd/activity-source";

const nmc = cpdProfileSchema.parse(CPD_CATALOG.find((p) => p.id === "nmc-revalidation"));
const florida = cpdProfileSchema.parse(CPD_CATALOG.find((p) => p.id === "florida-bon-rn-lpn"));
const cycle = { startsOn: "2024-04-01", endsOn: "2027-03-31" };

describe("the seeded profiles", () => {
  it("all pass the schema they are seeded with", () => {
    for (const profile of CPD_CATALOG) expect(checkProfile(profile)).toMatchObject({ ok: true });
  });
});

describe("impossible profiles", () => {
  const base = {
    id: "mine",
    name: "Mine",
    regulator: "Ward 7",
    profession: "Nurse",
    jurisdiction: "Here",
    source: { title: "Our policy", retrieved: "2026-01-01" },
    cycleMonths: 12,
  };
  it("names each problem", () => {
    const result = checkProfile({
      ...base,
      rules: [
        { id: "total", kind: "total-hours", label: "Total", minHours: 10 },
        { id: "total", kind: "participatory-hours", label: "With others", minHours: 12 },
        { id: "neg", kind: "topic-hours", label: "Safety", topic: "Safety", keywords: ["safety"], minHours: -2 },
      ],
    });
    expect(result.ok).toBe(false);
    const text = !result.ok ? result.errors.join("\n") : "";
    expect(text).toContain('Two rules have the id "total"');
    expect(text).toContain("a part cannot need more than the whole");
    expect(text).toContain("Hours must be more than zero.");
  });
  it("refuses unknown kinds, zero hours and topics that cannot fit in the total", () => {
    const unknownKind = checkProfile({ ...base, rules: [{ id: "x", kind: "vibes", label: "X", minHours: 1 }] });
    expect(!unknownKind.ok && unknownKind.errors.join()).toContain("Unknown rule kind");
    const unknownRecord = checkProfile({
      ...base,
      rules: [{ id: "x", kind: "record-count", label: "X", recordKind: "selfie", minCount: 1 }],
    });
    expect(!unknownRecord.ok && unknownRecord.errors.join()).toContain('Unknown record kind "selfie"');
    const zero = checkProfile({ ...base, rules: [{ id: "x", kind: "total-hours", label: "X", minHours: 0 }] });
    expect(!zero.ok && zero.errors.join()).toContain("more than zero");
    const crowded = checkProfile({
      ...base,
      rules: [
        { id: "t", kind: "total-hours", label: "T", minHours: 3 },
        { id: "a", kind: "topic-hours", label: "A", topic: "A", keywords: ["alpha"], minHours: 2, exclusive: true },
        { id: "b", kind: "topic-hours", label: "B", topic: "B", keywords: ["beta"], minHours: 2, exclusive: true },
      ],
    });
    expect(!crowded.ok && crowded.errors.join()).toContain("cannot share a credential need 4 h together");
  });
});

describe("counting hours", () => {
  it("counts NMC hours and participatory hours from workload, ECTS and the holder's figures", () => {
    const activities = [
      buildActivity(source({ credentialId: "a", hours: 10, holderTags: ["participatory"] }), nmc.hoursPerEcts),
      buildActivity(source({ credentialId: "b", ects: 1 }), nmc.hoursPerEcts),
      buildActivity(
        source({
          credentialId: "c",
          override: { hours: 6, participatory: true, topics: null, recordKinds: null, excluded: false },
        }),
        nmc.hoursPerEcts,
      ),
      buildActivity(
        source({ credentialId: "old", hours: 50, issuedAt: new Date("2023-01-01T00:00:00Z") }),
        nmc.hoursPerEcts,
      ),
    ];
    const progress = computeCycleProgress(nmc, cycle, activities, "2026-12-06");
    const [total, participatory] = progress.rules;
    expect(total).toMatchObject({ counted: 41, met: true, missing: 0 });
    expect(participatory).toMatchObject({ counted: 16, met: false, missing: 4 });
    expect(progress.outside.map((a) => a.id)).toEqual(["old"]);
    expect(progress.daysLeft).toBe(115);
    expect(activities[1]!.hoursSource).toBe("ects");
  });

  it("gives a course fitting two exclusive Florida topics to the first one only, and the holder can move it", () => {
    const both = source({
      credentialId: "x",
      hours: 2,
      title: "Patient safety and Florida laws and rules",
      issuedAt: new Date("2026-02-01T00:00:00Z"),
    });
    const fl = { startsOn: "2025-05-01", endsOn: "2027-04-30" };
    const first = computeCycleProgress(florida, fl, [buildActivity(both, 25)], "2026-12-06");
    expect(first.rules.find((r) => r.rule.id === "medical-errors")!.counted).toBe(2);
    expect(first.rules.find((r) => r.rule.id === "laws-and-rules")!.counted).toBe(0);
    expect(first.counted[0]!.heldBackFrom).toEqual(["laws-and-rules"]);
    expect(first.rules.find((r) => r.rule.id === "contact-hours")!.counted).toBe(2);
    const moved = computeCycleProgress(
      florida,
      fl,
      [
        buildActivity(
          {
            ...both,
            override: {
              hours: null,
              participatory: null,
              topics: ["Florida laws and rules"],
              recordKinds: null,
              excluded: false,
            },
          },
          25,
        ),
      ],
      "2026-12-06",
    );
    expect(moved.rules.find((r) => r.rule.id === "laws-and-rules")!.counted).toBe(2);
    expect(moved.rules.find((r) => r.rule.id === "medical-errors")!.counted).toBe(0);
  });

  it("matches topics by whole words", () => {
    const progress = computeCycleProgress(
      florida,
      { startsOn: "2025-01-01", endsOn: "2026-12-31" },
      [buildActivity(source({ credentialId: "y", hours: 2, title: "Lawson's rules of thumb" }), 25)],
      "2026-01-01",
    );
    expect(progress.rules.filter((r) => r.rule.kind === "topic-hours").every((r) => r.counted === 0)).toBe(true);
  });

  it("counts records by kind; a reflective account alone is not a CPD record", () => {
    const gphc = cpdProfileSchema.parse(CPD_CATALOG.find((p) => p.id === "gphc-revalidation")) as CpdProfile;
    const activities = [
      buildActivity(source({ credentialId: "p1", holderTags: ["planned-learning"] }), 25),
      buildActivity(source({ credentialId: "r1", holderTags: ["reflective-account"] }), 25),
      buildActivity(source({ credentialId: "u1" }), 25),
    ];
    const progress = computeCycleProgress(
      gphc,
      { startsOn: "2025-01-01", endsOn: "2025-12-31" },
      activities,
      "2025-06-01",
    );
    expect(progress.rules.map((r) => [r.rule.id, r.counted])).toEqual([
      ["cpd-records", 2],
      ["planned-learning", 1],
      ["peer-discussion", 0],
      ["reflective-account", 1],
    ]);
  });
});

describe("cycle dates", () => {
  it("defaults to the profile's length and refuses negative, tiny and overlapping cycles", () => {
    expect(cycleEndFor("2024-04-01", 36)).toBe("2027-03-31");
    expect(cycleEndFor("2024-01-31", 1)).toBe("2024-02-28");
    expect(checkCycleDates({ startsOn: "2026-05-01", endsOn: "2026-04-01" }, []).endsOn).toEqual([
      "The cycle must end after it starts.",
    ]);
    expect(checkCycleDates({ startsOn: "2026-02-30", endsOn: "2026-04-01" }, []).startsOn).toBeDefined();
    expect(checkCycleDates({ startsOn: "", endsOn: "" }, [])).toEqual({
      startsOn: ["Enter the start date as a real date, e.g. 2026-04-01."],
    });
    expect(checkCycleDates({ startsOn: "2026-04-01", endsOn: "2026-04-10" }, []).endsOn![0]).toContain("at least");
    expect(
      checkCycleDates({ startsOn: "2026-04-01", endsOn: "2029-03-31" }, [
        { id: "z", startsOn: "2023-04-01", endsOn: "2026-04-01" },
      ]).startsOn![0],
    ).toContain("overlaps");
    expect(
      checkCycleDates({ startsOn: "2026-04-02", endsOn: "2029-03-31" }, [
        { id: "z", startsOn: "2023-04-01", endsOn: "2026-04-01" },
      ]),
    ).toEqual({});
  });
});
