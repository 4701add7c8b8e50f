import { describe, expect, it } from "vitest";
import { checkGoalDraft, draftFromGoal, EMPTY_DRAFT, FIELD_IDS, type GoalDraft } from "./goal-draft";

const ID = "6f1c1f44-8d5e-4a47-9c4b-1c8f0a1b2c3d";
const valid: GoalDraft = {
  ...EMPTY_DRAFT,
  title: "  ICU   step-up ",
  targetTitle: "Critical Care Nursing",
  heldCredentialIds: [ID],
  toEarn: [{ key: "a", title: "Ventilation basics", issuer: "Northfield" }],
};

describe("the goal form's checks", () => {
  it("cleans the text and leaves out what was left empty", () => {
    const result = checkGoalDraft(valid);
    expect(result).toEqual({
      ok: true,
      goal: {
        title: "ICU step-up",
        targetTitle: "Critical Care Nursing",
        targetKind: "micro-credential",
        heldCredentialIds: [ID],
        toEarn: [{ title: "Ventilation basics", issuer: "Northfield" }],
      },
    });
  });

  it("names each field at fault, in the order of the form", () => {
    const result = checkGoalDraft({
      ...EMPTY_DRAFT,
      title: " ",
      toEarn: [{ key: "a", title: "", issuer: "x".repeat(201) }],
      count: "2.5",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([
      FIELD_IDS.title,
      FIELD_IDS.targetTitle,
      FIELD_IDS.toEarnTitle("a"),
      FIELD_IDS.toEarnIssuer("a"),
      FIELD_IDS.count,
    ]);
    expect(result.errors[FIELD_IDS.title]).toBe("Give the goal a name.");
    expect(result.errors[FIELD_IDS.toEarnIssuer("a")]).toBe("Keep it under 200 characters.");
  });

  it("needs at least one credential, and never more to meet than listed", () => {
    const none = checkGoalDraft({ ...valid, heldCredentialIds: [], toEarn: [] });
    expect(none.ok ? null : none.errors[FIELD_IDS.held]).toBe(
      "Choose at least one credential that counts toward the goal.",
    );
    const tooMany = checkGoalDraft({ ...valid, count: "3" });
    expect(tooMany.ok ? null : tooMany.errors[FIELD_IDS.count]).toMatch(/lists 2 credentials, so it cannot ask for 3/);
    const zero = checkGoalDraft({ ...valid, count: "0" });
    expect(zero.ok ? null : zero.errors[FIELD_IDS.count]).toMatch(/whole number/);
    const two = checkGoalDraft({ ...valid, count: " 2 " });
    expect(two.ok && two.goal.count).toBe(2);
  });

  it("turns a stored goal back into the form's fields", () => {
    const draft = draftFromGoal({
      id: "g",
      title: "ICU",
      target: { title: "Critical Care", kind: "nano-degree", issuerName: "Royal College" },
      components: [
        { credentialId: ID },
        { label: "Ventilation", title: "Ventilation basics", issuerName: "Northfield" },
        { label: "Sepsis" },
      ],
      count: 2,
    });
    expect(draft).toEqual({
      title: "ICU",
      targetTitle: "Critical Care",
      targetKind: "nano-degree",
      targetIssuer: "Royal College",
      heldCredentialIds: [ID],
      toEarn: [
        { key: "r0", title: "Ventilation basics", issuer: "Northfield" },
        { key: "r1", title: "Sepsis", issuer: "" },
      ],
      count: "2",
    });
  });
});
