/**
 * Goals: a holder's own pathway, made by choosing a target and its components (from their wallet
 * or from the catalog's component badges). A goal becomes an ordinary definition, so progress is
 * computed exactly like a catalog pathway's. A component pointing at a credential that is no
 * longer in the wallet (deleted since) is an error that says so, never a silent gap.
 */
import type { StackCredential } from "./credential";
import type { CredentialRequirement, PathwayDefinition, PathwayKind } from "./definition-schema";
import { parsePathwayDefinition, type ParseResult } from "./parse-definition";

export type GoalComponent =
  /** A credential the holder already holds (by wallet id). */
  | { credentialId: string; label?: string }
  /** A credential to earn, e.g. a catalog component badge. */
  | { label: string; achievementId?: string; issuerName?: string; title?: string; expectedHours?: number };

export interface Goal {
  /** Slug, unique per holder. */
  id: string;
  title: string;
  target: { title: string; kind: PathwayKind; issuerName?: string; achievementId?: string };
  components: GoalComponent[];
  /** How many components must be met; all of them when absent. */
  count?: number;
}

export function goalToDefinition(goal: Goal, wallet: readonly StackCredential[]): ParseResult {
  const byId = new Map(wallet.map((c) => [c.id, c]));
  const errors: string[] = [];
  const children: CredentialRequirement[] = [];
  goal.components.forEach((component, i) => {
    const id = `component-${i + 1}`;
    if ("credentialId" in component) {
      const held = byId.get(component.credentialId);
      if (!held) {
        errors.push(
          `Goal "${goal.title}", component ${i + 1}${component.label ? ` (“${component.label}”)` : ""} refers to a credential that is no longer in your wallet (deleted?). Remove it from the goal or choose another.`,
        );
        return;
      }
      const match =
        held.achievementId !== undefined
          ? { achievementId: held.achievementId, issuerName: held.issuerName, title: held.title }
          : { issuerName: held.issuerName, title: held.title };
      children.push({
        id,
        type: "credential",
        label: component.label ?? held.title,
        match,
        ...(held.hours !== undefined && held.hours > 0 && { expectedHours: held.hours }),
      });
    } else {
      const { label, expectedHours, ...match } = component;
      children.push({ id, type: "credential", label, match, ...(expectedHours !== undefined && { expectedHours }) });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  if (children.length === 0)
    return { ok: false, errors: [`Goal "${goal.title}" has no components: choose at least one.`] };
  const definition: PathwayDefinition = {
    version: 1,
    id: `goal-${goal.id}`.slice(0, 64),
    title: goal.title,
    summary: `Your goal: ${goal.target.title}.`,
    target: {
      title: goal.target.title,
      kind: goal.target.kind,
      issuer: { name: goal.target.issuerName ?? "Set by you" },
      ...(goal.target.achievementId !== undefined && { achievementId: goal.target.achievementId }),
      eu: { learningOutcomes: [] },
    },
    requirements:
      goal.count === undefined
        ? { id: "components", type: "all-of", children }
        : { id: "components", type: "any-of", count: goal.count, children },
  };
  const parsed = parsePathwayDefinition(definition);
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors.map((e) => `Goal "${goal.title}": ${e}`) };
}
