import { describe, expect, it } from "vitest";
import { DEMO_COMPONENTS } from "./catalog";
import { goalToDefinition, type Goal } from "./goal";
import { computeProgress } from "./progress";
import { credential, NOW } from "@/testkit/stacking/builders";

const held = credential("cred-7", { achievementId: "urn:m:ecg", title: "ECG interpretation", hours: 12 });
const catalogComponent = DEMO_COMPONENTS[0]!;
const goal: Goal = {
  id: "cardiac-skills",
  title: "Cardiac skills",
  target: { title: "Cardiac care portfolio", kind: "certificate" },
  components: [
    { credentialId: "cred-7" },
    {
      label: catalogComponent.title,
      achievementId: catalogComponent.achievementId,
      expectedHours: catalogComponent.hours,
    },
  ],
};

describe("goalToDefinition", () => {
  it("makes an ordinary definition from a target and chosen components", () => {
    const result = goalToDefinition(goal, [held]);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.definition).toMatchObject({
      id: "goal-cardiac-skills",
      target: { title: "Cardiac care portfolio", issuer: { name: "Set by you" } },
    });
    const [progress] = computeProgress([result.definition], [held], { now: NOW });
    expect(progress).toMatchObject({
      percentByCount: 50,
      nextSteps: [{ achievementId: catalogComponent.achievementId, remaining: { hours: catalogComponent.hours } }],
    });
  });

  it("says clearly when a component's credential has been deleted from the wallet", () => {
    expect(goalToDefinition(goal, [])).toEqual({
      ok: false,
      errors: [
        'Goal "Cardiac skills", component 1 refers to a credential that is no longer in your wallet (deleted?). Remove it from the goal or choose another.',
      ],
    });
  });

  it("refuses goals without components, or asking for more than they list", () => {
    expect(goalToDefinition({ ...goal, components: [] }, [held])).toEqual({
      ok: false,
      errors: ['Goal "Cardiac skills" has no components: choose at least one.'],
    });
    const tooMany = goalToDefinition({ ...goal, count: 3 }, [held]);
    expect(tooMany.ok ? [] : tooMany.errors).toEqual([
      'Goal "Cardiac skills": Requirement "components" (any n of) asks for any 3 of its options but has only 2, so it can never be met.',
    ]);
  });
});
