/**
 * The goal form's rules in the browser, so each field says what is wrong before anything is sent.
 * They mirror goalInputSchema (lib/stacking/goals-data.ts), which stays the rule that counts: whatever
 * the server still refuses (a chosen credential deleted meanwhile) is shown as it words it.
 */
import type { GoalInput } from "@/lib/stacking/goals-data";
import type { Goal, PathwayKind } from "@/lib/stacking";
import { cleanLabel } from "@/lib/wallet/text-rules";

export const GOAL_KINDS: { value: PathwayKind; label: string; hint: string }[] = [
  { value: "micro-credential", label: "Micro-credential", hint: "a short course or module" },
  { value: "nano-degree", label: "Nano-degree", hint: "several micro-credentials together" },
  { value: "certificate", label: "Certificate", hint: "a certificate or qualification" },
];

export const GOAL_LIMITS = { title: 120, targetTitle: 200, targetIssuer: 200, part: 200, components: 40 } as const;

export interface ToEarnRow {
  key: string;
  title: string;
  issuer: string;
}

export interface GoalDraft {
  title: string;
  targetTitle: string;
  targetKind: PathwayKind;
  targetIssuer: string;
  heldCredentialIds: string[];
  toEarn: ToEarnRow[];
  count: string;
}

/** Field id → message, in the order the fields appear (the first one takes the focus). */
export type DraftErrors = Record<string, string>;

export const FIELD_IDS = {
  title: "goal-title",
  targetTitle: "goal-target-title",
  targetIssuer: "goal-target-issuer",
  held: "goal-held-search",
  count: "goal-count",
  toEarnTitle: (key: string) => `goal-earn-${key}-title`,
  toEarnIssuer: (key: string) => `goal-earn-${key}-issuer`,
} as const;

export const EMPTY_DRAFT: GoalDraft = {
  title: "",
  targetTitle: "",
  targetKind: "micro-credential",
  targetIssuer: "",
  heldCredentialIds: [],
  toEarn: [],
  count: "",
};

function label(value: string, max: number, empty: string | null): { value: string; error?: string } {
  const cleaned = cleanLabel(value);
  if (cleaned === "") return empty === null ? { value: cleaned } : { value: cleaned, error: empty };
  if (cleaned.length > max) return { value: cleaned, error: `Keep it under ${max} characters.` };
  return { value: cleaned };
}

export function checkGoalDraft(draft: GoalDraft): { ok: true; goal: GoalInput } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const title = label(draft.title, GOAL_LIMITS.title, "Give the goal a name.");
  if (title.error) errors[FIELD_IDS.title] = title.error;
  const targetTitle = label(draft.targetTitle, GOAL_LIMITS.targetTitle, "Name the credential you are working toward.");
  if (targetTitle.error) errors[FIELD_IDS.targetTitle] = targetTitle.error;
  const targetIssuer = label(draft.targetIssuer, GOAL_LIMITS.targetIssuer, null);
  if (targetIssuer.error) errors[FIELD_IDS.targetIssuer] = targetIssuer.error;

  const components = draft.heldCredentialIds.length + draft.toEarn.length;
  if (components === 0) errors[FIELD_IDS.held] = "Choose at least one credential that counts toward the goal.";
  else if (components > GOAL_LIMITS.components)
    errors[FIELD_IDS.held] =
      `A goal can list up to ${GOAL_LIMITS.components} credentials; remove ${components - GOAL_LIMITS.components}.`;

  const toEarn = draft.toEarn.map((row) => {
    const partTitle = label(row.title, GOAL_LIMITS.part, "A planned credential needs its title.");
    if (partTitle.error) errors[FIELD_IDS.toEarnTitle(row.key)] = partTitle.error;
    const issuer = label(row.issuer, GOAL_LIMITS.part, "Say who issues the planned credential.");
    if (issuer.error) errors[FIELD_IDS.toEarnIssuer(row.key)] = issuer.error;
    return { title: partTitle.value, issuer: issuer.value };
  });

  let count: number | undefined;
  const countText = draft.count.trim();
  if (countText !== "") {
    count = /^\d{1,4}$/.test(countText) ? Number(countText) : Number.NaN;
    if (!Number.isInteger(count) || count < 1)
      errors[FIELD_IDS.count] = "Enter a whole number, 1 or more, or leave it empty.";
    else if (components > 0 && count > components)
      errors[FIELD_IDS.count] =
        `The goal lists ${components} credential${components === 1 ? "" : "s"}, so it cannot ask for ${count}; it could never be met.`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    goal: {
      title: title.value,
      targetTitle: targetTitle.value,
      targetKind: draft.targetKind,
      ...(targetIssuer.value !== "" ? { targetIssuer: targetIssuer.value } : {}),
      heldCredentialIds: draft.heldCredentialIds,
      toEarn,
      ...(count !== undefined ? { count } : {}),
    },
  };
}

/** A stored goal as the form's starting point (edit). */
export function draftFromGoal(goal: Goal): GoalDraft {
  const heldCredentialIds: string[] = [];
  const toEarn: ToEarnRow[] = [];
  for (const component of goal.components) {
    if ("credentialId" in component) heldCredentialIds.push(component.credentialId);
    else
      toEarn.push({
        key: `r${toEarn.length}`,
        title: component.title ?? component.label,
        issuer: component.issuerName ?? "",
      });
  }
  return {
    title: goal.title,
    targetTitle: goal.target.title,
    targetKind: goal.target.kind,
    targetIssuer: goal.target.issuerName ?? "",
    heldCredentialIds,
    toEarn,
    count: goal.count !== undefined ? String(goal.count) : "",
  };
}
