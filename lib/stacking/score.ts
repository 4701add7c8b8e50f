/**
 * Scores a pathway tree for a given assignment. Two measures, both 0–1 and both exactly 1 only
 * when the pathway is complete:
 *   - count: the share of requirements met. Every leaf requirement is one unit; an elective
 *     (hours, ECTS, EQF, skills) counts only once fully met. An "all of" group needs the units of
 *     all its children; an "any n of" group the n furthest-along options, each an equal share.
 *   - weight: the share of the notional workload done, in hours. A credential requirement weighs
 *     its expectedHours, min-hours its hours, min-ects 25 h per ECTS (the ECTS users' guide
 *     convention, used only to weigh, never to convert a credential's figures), min-eqf and
 *     skills their expectedHours; anything without hours weighs 1 h per credential or skill it
 *     needs. Electives count partially (12 of 40 hours is 30 % of that requirement). Groups
 *     combine like count, weighted by hours.
 * A referenced pathway counts as fully met when its target credential is held, otherwise as its
 * own components do.
 */
import type { GroupNode, PathwayTree, TreeNode } from "./tree";

export const HOURS_PER_ECTS = 25;
export const UNKNOWN_WEIGHT_HOURS = 1;

export interface LeafState {
  namedMet: readonly boolean[];
  electiveFraction: readonly number[];
}

export interface NodeScore {
  count: number;
  weight: number;
  complete: boolean;
}

export interface TreeSizes {
  units: (node: TreeNode) => number;
  hours: (node: TreeNode) => number;
}

/** Units and hours of every node: fixed for a tree, so computed once and remembered. */
export function measureTree(tree: PathwayTree): TreeSizes {
  const units = new Map<TreeNode, number>();
  const hours = new Map<TreeNode, number>();
  const measure = (node: TreeNode): void => {
    if (node.kind === "group") node.children.forEach(measure);
    if (node.kind === "pathway" && node.components) measure(node.components);
    units.set(node, ownUnits(node, units));
    hours.set(node, ownHours(node, hours));
  };
  measure(tree.root);
  return { units: (node) => units.get(node) ?? 1, hours: (node) => hours.get(node) ?? UNKNOWN_WEIGHT_HOURS };
}

function ownUnits(node: TreeNode, units: ReadonlyMap<TreeNode, number>): number {
  if (node.kind === "group")
    return lightest(
      node,
      node.children.map((c) => units.get(c)!),
    );
  if (node.kind === "pathway") return node.components ? units.get(node.components)! : 1;
  return 1;
}

function ownHours(node: TreeNode, hours: ReadonlyMap<TreeNode, number>): number {
  if (node.kind === "group")
    return lightest(
      node,
      node.children.map((c) => hours.get(c)!),
    );
  if (node.kind === "pathway")
    return node.components ? hours.get(node.components)! : (node.target?.expectedHours ?? UNKNOWN_WEIGHT_HOURS);
  if (node.kind === "named") return node.expectedHours ?? UNKNOWN_WEIGHT_HOURS;
  const r = node.requirement;
  switch (r.type) {
    case "min-hours":
      return r.hours;
    case "min-ects":
      return r.ects * HOURS_PER_ECTS;
    case "min-eqf":
      return r.expectedHours ?? (r.count ?? 1) * UNKNOWN_WEIGHT_HOURS;
    case "skills-covered":
      return r.expectedHours ?? r.skills.length * UNKNOWN_WEIGHT_HOURS;
  }
}

/** A group's size: all children for all-of, the n smallest for any-n-of (the least it takes). */
function lightest(group: GroupNode, sizes: number[]): number {
  return [...sizes]
    .sort((a, b) => a - b)
    .slice(0, group.count)
    .reduce((sum, v) => sum + v, 0);
}

export function scoreNode(node: TreeNode, state: LeafState, sizes: TreeSizes): NodeScore {
  switch (node.kind) {
    case "named": {
      const met = state.namedMet[node.index] === true;
      return { count: met ? 1 : 0, weight: met ? 1 : 0, complete: met };
    }
    case "elective": {
      const fraction = state.electiveFraction[node.index] ?? 0;
      return { count: fraction >= 1 ? 1 : 0, weight: Math.min(1, fraction), complete: fraction >= 1 };
    }
    case "pathway": {
      if (node.target && state.namedMet[node.target.index] === true) return { count: 1, weight: 1, complete: true };
      return node.components ? scoreNode(node.components, state, sizes) : { count: 0, weight: 0, complete: false };
    }
    case "group":
      return scoreGroup(
        node,
        node.children.map((c) => scoreNode(c, state, sizes)),
        sizes,
      );
  }
}

export function scoreGroup(node: GroupNode, scores: readonly NodeScore[], sizes: TreeSizes): NodeScore {
  const completed = scores.filter((s) => s.complete).length;
  if (node.count === node.children.length) {
    let units = 0,
      countDone = 0,
      hours = 0,
      hoursDone = 0;
    node.children.forEach((child, i) => {
      units += sizes.units(child);
      countDone += sizes.units(child) * scores[i]!.count;
      hours += sizes.hours(child);
      hoursDone += sizes.hours(child) * scores[i]!.weight;
    });
    const complete = completed === node.children.length;
    return { count: complete ? 1 : countDone / units, weight: complete ? 1 : hoursDone / hours, complete };
  }
  const complete = completed >= node.count;
  return {
    count: complete
      ? 1
      : topMean(
          scores.map((s) => s.count),
          node.count,
        ),
    weight: complete
      ? 1
      : topMean(
          scores.map((s) => s.weight),
          node.count,
        ),
    complete,
  };
}

function topMean(values: number[], n: number): number {
  return (
    values
      .sort((a, b) => b - a)
      .slice(0, n)
      .reduce((sum, v) => sum + v, 0) / n
  );
}

/** 0–100, one decimal, rounded down; 100 only when complete, so "100 %" never hides a gap. */
export function toPercent(fraction: number, complete: boolean): number {
  if (complete) return 100;
  return Math.min(99.9, Math.floor(Math.max(0, fraction) * 1000 + 1e-6) / 10);
}
