/**
 * The progress engine: pathways × held credentials → progress, pure and deterministic.
 *
 * Rules (also in README.md):
 * 1. Once per pathway. A credential counts for at most one requirement of a pathway, across the
 *    whole stack of pathways it refers to (references are expanded in place). It may count again
 *    in another pathway.
 * 2. Named before elective. Credentials that a pathway names (a component, or the target of a
 *    referenced pathway) count only for named requirements; electives (min hours / ECTS / EQF,
 *    skills covered) draw on the holder's other credentials. The pathway's own target credential
 *    never counts as its own component.
 * 3. Best assignment. Named requirements get the assignment that maximises progress (see
 *    named-choice.ts), electives a fixed allotment (see electives.ts). Both are monotone: adding a
 *    credential never lowers progress, removing one never raises it.
 * 4. Still valid. Expired credentials (validUntil ≤ now) count only where a requirement sets
 *    allowExpired; revoked ones never. A requirement met only by expired credentials reads
 *    "expired-only", so the holder knows to renew.
 * 5. Measures. percentByCount is the share of requirements met; percentByWeight the share of the
 *    notional hours (see score.ts). Both are 100 exactly when the pathway is complete.
 * 6. Target held. Holding a pathway's target credential is reported (targetHeld) but does not
 *    fill in the pathway's own requirements; a referenced pathway, though, is met by its target.
 * 7. Next steps follow the cheapest way to completion, fewest remaining known hours first.
 * Invalid or broken definitions give a result with `problems` instead of throwing.
 */
import type { StackCredential } from "./credential";
import { indexCredentials, matchingCredentials, type CredentialIndex, type HeldCredential } from "./credential-index";
import { compileCatalog, isCompiledCatalog, type CompiledCatalog } from "./compile";
import type { PathwayDefinition } from "./definition";
import { allotElectives } from "./electives";
import { roundHours, type Effort } from "./effort";
import { chooseNamed } from "./named-choice";
import { buildReport, type MissingItem, type NextStep, type RequirementProgress } from "./report";
import { scoreNode, toPercent, type TreeSizes } from "./score";
import type { NamedNode, PathwayTree } from "./tree";

export { compileCatalog, type CompiledCatalog } from "./compile";
export type { Effort } from "./effort";
export type { MissingItem, NextStep, RequirementProgress, RequirementStatus } from "./report";

export interface PathwayProgress {
  pathwayId: string;
  title: string;
  targetTitle: string;
  complete: boolean;
  /** The holder holds the target credential itself (valid, not revoked). */
  targetHeld: boolean;
  targetCredentialIds: string[];
  percentByCount: number;
  percentByWeight: number;
  /** Notional hours done and in total (the basis of percentByWeight). */
  weightHours: { done: number; total: number };
  /** The cheapest remaining way to complete, from the definition's hours. */
  remaining: Effort;
  requirements: RequirementProgress | undefined;
  /** Every credential counted for this pathway (each once). */
  credentialIds: string[];
  missing: MissingItem[];
  nextSteps: NextStep[];
  /** Why (part of) the pathway cannot be evaluated or met: invalid definition, broken reference. */
  problems: string[];
}

export interface ProgressOptions {
  now: Date;
}

/**
 * Progress of every pathway, in catalog order. Pass a compiled catalog (compileCatalog) when
 * recomputing often; plain definitions are compiled on the fly. Never throws for definitions it
 * cannot use: their results carry `problems`.
 */
export function computeProgress(
  catalog: readonly PathwayDefinition[] | CompiledCatalog,
  credentials: readonly StackCredential[],
  options: ProgressOptions,
): PathwayProgress[] {
  const compiled = isCompiledCatalog(catalog) ? catalog : compileCatalog(catalog);
  const index = indexCredentials(credentials, options.now);
  return compiled.pathways.map((pathway) =>
    pathway.ok
      ? evaluatePathway(pathway.definition, pathway.tree, pathway.sizes, index)
      : invalid(pathway.definition, pathway.errors),
  );
}

function evaluatePathway(
  definition: PathwayDefinition,
  tree: PathwayTree,
  sizes: TreeSizes,
  index: CredentialIndex,
): PathwayProgress {
  const ownTarget = new Set(matchingCredentials(index, tree.ownTarget).flat());
  const named = new Set<HeldCredential>(ownTarget);
  const candidates = tree.named.map((node) => matches(node, index, named, ownTarget));
  const eligible = candidates.map((c) => c.eligible);
  const electives = allotElectives(tree.electives, index, (held) => named.has(held));
  const electiveFraction = electives.map((o) => o.fraction);
  const choice = chooseNamed(eligible, (namedMet) => {
    const score = scoreNode(tree.root, { namedMet, electiveFraction }, sizes);
    return { count: score.count, weight: score.weight };
  });
  const report = buildReport(tree.root, {
    sizes,
    assigned: choice.assigned,
    expiredMatches: candidates.map((c) => c.expired),
    electives,
  });
  const complete = report.score.complete;
  const totalHours = sizes.hours(tree.root);
  const targetCredentialIds = [...ownTarget].filter((h) => !h.expired && !h.revoked).map((h) => h.credential.id);
  const counted = [...choice.assigned, ...electives.flatMap((o) => o.picks)].filter((h) => h !== undefined);
  return {
    pathwayId: definition.id,
    title: definition.title,
    targetTitle: definition.target.title,
    complete,
    targetHeld: targetCredentialIds.length > 0,
    targetCredentialIds,
    percentByCount: toPercent(choice.best.count, complete),
    percentByWeight: toPercent(choice.best.weight, complete),
    weightHours: { done: roundHours(Math.min(1, choice.best.weight) * totalHours), total: roundHours(totalHours) },
    remaining: report.root.remaining,
    requirements: report.root,
    credentialIds: counted.map((h) => h.credential.id).sort(),
    missing: report.missing,
    nextSteps: report.nextSteps,
    problems: [...tree.problems],
  };
}

/**
 * Credentials matching a named requirement: those that may count (valid, or expired where
 * allowed; the longest-valid first), and the expired ones that may not. All of them are reserved
 * for named requirements, so a component never doubles as an elective.
 */
function matches(
  node: NamedNode,
  index: CredentialIndex,
  named: Set<HeldCredential>,
  ownTarget: ReadonlySet<HeldCredential>,
) {
  const eligible: HeldCredential[] = [];
  const expired: HeldCredential[] = [];
  for (const list of matchingCredentials(index, node.key)) {
    for (const held of list) {
      if (eligible.includes(held) || expired.includes(held)) continue; // matched by both id and name
      named.add(held);
      if (held.revoked || ownTarget.has(held)) continue;
      if (!held.expired || node.allowExpired) eligible.push(held);
      else expired.push(held);
    }
  }
  eligible.sort(longestValidFirst);
  expired.sort((a, b) => a.order - b.order);
  return { eligible, expired };
}

function longestValidFirst(a: HeldCredential, b: HeldCredential): number {
  if (a.expired !== b.expired) return a.expired ? 1 : -1;
  if (a.validUntil !== b.validUntil) return a.validUntil > b.validUntil ? -1 : 1;
  return a.order - b.order;
}

function invalid(definition: unknown, errors: string[]): PathwayProgress {
  const d = (definition ?? {}) as { id?: unknown; title?: unknown; target?: { title?: unknown } };
  const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
  return {
    pathwayId: text(d.id, ""),
    title: text(d.title, "Invalid pathway"),
    targetTitle: text(d.target?.title, ""),
    complete: false,
    targetHeld: false,
    targetCredentialIds: [],
    percentByCount: 0,
    percentByWeight: 0,
    weightHours: { done: 0, total: 0 },
    remaining: { hours: 0, unknown: 0 },
    requirements: undefined,
    credentialIds: [],
    missing: [],
    nextSteps: [],
    problems: errors,
  };
}
