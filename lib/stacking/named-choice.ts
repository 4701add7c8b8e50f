/**
 * Assigns credentials to the named requirements (specific credentials and referenced targets) so
 * that each credential meets at most one of them and the pathway's progress is as high as it can
 * be. Most credentials match a single requirement and simply go there. Only where one credential
 * could meet several requirements is there a choice: those requirements form a component, whose
 * maximal sets of simultaneously meetable requirements (the bases of a transversal matroid) are
 * enumerated, and the combination of bases scoring best is taken. Because the result is the
 * maximum over every valid assignment, adding a credential can never lower it, and removing one
 * can never raise it. Components too large to enumerate (a definition naming the same credential
 * in more than a dozen places) fall back to a deterministic maximum matching.
 */
import type { HeldCredential } from "./credential-index";

export interface Score {
  count: number;
  weight: number;
}

export interface NamedChoice {
  /** Per named requirement (by index): the credential counted for it. */
  assigned: Array<HeldCredential | undefined>;
  /** The best count score and, separately, the best weight score over all assignments. */
  best: Score;
}

const MAX_EXACT_LEAVES = 12;
const MAX_COMBINATIONS = 4_096;

export function chooseNamed(
  candidates: ReadonlyArray<readonly HeldCredential[]>,
  evaluate: (met: readonly boolean[]) => Score,
): NamedChoice {
  const leafCount = candidates.length;
  const components = contestedComponents(candidates);
  const met = candidates.map((list) => list.length > 0);
  const options = components.map((leaves) => bases(leaves, candidates));

  let chosen = options.map(() => 0);
  let best: Score = { count: -1, weight: -1 };
  let bestWeight = -1;
  const apply = (picks: readonly number[]) => {
    components.forEach((leaves, c) => {
      const basis = options[c]![picks[c]!]!;
      for (const leaf of leaves) met[leaf] = basis.includes(leaf);
    });
    return evaluate(met);
  };
  const total = options.reduce((n, o) => n * o.length, 1);
  if (total <= MAX_COMBINATIONS) {
    const picks = options.map(() => 0);
    for (let step = 0; step < total; step++) {
      const score = apply(picks);
      bestWeight = Math.max(bestWeight, score.weight);
      if (score.count > best.count || (score.count === best.count && score.weight > best.weight))
        [best, chosen] = [score, [...picks]];
      for (let c = 0; c < picks.length && ++picks[c]! === options[c]!.length; c++) picks[c] = 0;
    }
  } else {
    // Coordinate ascent: deterministic, only for definitions far beyond any real catalog.
    for (const [c, list] of options.entries()) {
      for (let b = 0; b < list.length; b++) {
        const trial = chosen.map((v, i) => (i === c ? b : v));
        const score = apply(trial);
        if (score.count > best.count || (score.count === best.count && score.weight > best.weight))
          [best, chosen] = [score, trial];
      }
    }
    bestWeight = best.weight;
  }

  const assigned: Array<HeldCredential | undefined> = new Array(leafCount).fill(undefined);
  const inComponent = new Set(components.flat());
  for (let leaf = 0; leaf < leafCount; leaf++) if (!inComponent.has(leaf)) assigned[leaf] = candidates[leaf]![0];
  components.forEach((_, c) => {
    const matching = maximumMatching(options[c]![chosen[c]!]!, candidates);
    for (const [leaf, held] of matching) assigned[leaf] = held;
  });
  return { assigned, best: { count: best.count, weight: Math.max(best.weight, bestWeight) } };
}

/** Requirements linked by credentials that could meet more than one of them (union-find). */
function contestedComponents(candidates: ReadonlyArray<readonly HeldCredential[]>): number[][] {
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstLeafOf = new Map<HeldCredential, number>();
  const contested = new Set<number>();
  candidates.forEach((list, leaf) => {
    for (const held of list) {
      const other = firstLeafOf.get(held);
      if (other === undefined) firstLeafOf.set(held, leaf);
      else if (other !== leaf) {
        parent[find(leaf)] = find(other);
        contested.add(leaf).add(other);
      }
    }
  });
  const groups = new Map<number, number[]>();
  for (const leaf of [...contested].sort((a, b) => a - b)) {
    const root = find(leaf);
    groups.set(root, [...(groups.get(root) ?? []), leaf]);
  }
  return [...groups.values()];
}

/** The maximal sets of requirements in a component that distinct credentials can meet together. */
function bases(leaves: readonly number[], candidates: ReadonlyArray<readonly HeldCredential[]>): number[][] {
  const rank = maximumMatching(leaves, candidates).size;
  if (leaves.length > MAX_EXACT_LEAVES) return [[...maximumMatching(leaves, candidates).keys()].sort((a, b) => a - b)];
  const found: number[][] = [];
  for (let mask = 0; mask < 1 << leaves.length; mask++) {
    if (popcount(mask) !== rank) continue;
    const subset = leaves.filter((_, i) => mask & (1 << i));
    if (maximumMatching(subset, candidates).size === rank) found.push(subset);
  }
  return found;
}

/** Kuhn's augmenting paths, leaves in the given order, each trying its candidates in preference order. */
function maximumMatching(
  leaves: readonly number[],
  candidates: ReadonlyArray<readonly HeldCredential[]>,
): Map<number, HeldCredential> {
  const owner = new Map<HeldCredential, number>();
  const tryLeaf = (leaf: number, seen: Set<HeldCredential>): boolean => {
    for (const held of candidates[leaf]!) {
      if (seen.has(held)) continue;
      seen.add(held);
      const current = owner.get(held);
      if (current === undefined || tryLeaf(current, seen)) {
        owner.set(held, leaf);
        return true;
      }
    }
    return false;
  };
  for (const leaf of leaves) tryLeaf(leaf, new Set());
  const byLeaf = new Map<number, HeldCredential>();
  for (const [held, leaf] of owner) byLeaf.set(leaf, held);
  return byLeaf;
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}
