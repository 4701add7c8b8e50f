import { describe, expect, it } from "vitest";
import { formErrors, holderProfileFormSchema, profileFromForm } from "./holder-profile-form";
import { cpdProfileSchema } from "./profile-schema";
import { dueReminders, thresholdFor } from "./reminders";

function build(fields: Record<string, string>) {
  const form = holderProfileFormSchema.parse(fields);
  const draft = profileFromForm(form, "2026-12-06");
  const parsed = cpdProfileSchema.safeParse(draft);
  return parsed.success
    ? { ok: true as const, profile: parsed.data }
    : { ok: false as const, errors: formErrors(draft, parsed.error.issues) };
}

describe("a holder's own profile from the form", () => {
  it("builds an employer's mandatory training profile", () => {
    const result = build({
      name: "St Mary's mandatory training",
      regulator: "St Mary's Hospital",
      cycleMonths: "12",
      totalHours: "10",
      topic0: "Fire safety",
      topic0Hours: "1",
      topic1: "Manual handling",
      topic1Hours: "2",
      topicsExclusive: "on",
    });
    expect(result.ok && result.profile.id).toBe("st-mary-s-mandatory-training");
    expect(result.ok && result.profile.rules.map((r) => [r.kind, r.exclusive])).toEqual([
      ["total-hours", false],
      ["topic-hours", true],
      ["topic-hours", true],
    ]);
  });

  it("says which rule is impossible, in the form's words", () => {
    const result = build({
      name: "Broken",
      regulator: "Me",
      cycleMonths: "0",
      totalHours: "5",
      participatoryHours: "8",
      topic0: "Ethics",
    });
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors : [];
    expect(errors).toContain("Cycle length: A cycle is at least 1 month.");
    expect(errors).toContain(
      'Participatory hours: "Participatory hours" asks for 8 h but the total is 5 h: a part cannot need more than the whole.',
    );
    expect(errors).toContain("Ethics: Hours must be more than zero.");
  });

  it("refuses a profile without rules and unknown fields", () => {
    expect(build({ name: "Empty", regulator: "Me", cycleMonths: "12" })).toMatchObject({
      ok: false,
      errors: ["A profile needs at least one rule."],
    });
    expect(holderProfileFormSchema.safeParse({ name: "X", regulator: "Y", holderId: "someone-else" }).success).toBe(
      false,
    );
  });
});

describe("reminder thresholds", () => {
  it("uses the smallest threshold crossed, one key per threshold", () => {
    expect([120, 90, 31, 30, 8, 7, 0, -1].map(thresholdFor)).toEqual([null, 90, 90, 30, 30, 7, 7, null]);
    const now = new Date("2026-12-06T12:00:00Z");
    const [first] = dueReminders(now, [{ id: "c1", title: "BLS", validUntil: new Date("2026-12-10T00:00:00Z") }], []);
    expect(first).toMatchObject({ key: "credential:c1:2026-12-10:7", message: "BLS expires in 4 days (2026-12-10)." });
    expect(
      dueReminders(now, [], [{ id: "y", profileName: "NMC", endsOn: "2027-01-01", allMet: true, unmet: [] }]),
    ).toEqual([]);
  });
});
