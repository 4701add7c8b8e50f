/**
 * Allots credentials to the elective requirements (minimum hours / ECTS / EQF level, skills
 * covered). Electives draw only on credentials the pathway does not name, each credential going to
 * at most one elective. They are served in a fixed order (skills, then EQF, then ECTS, then hours;
 * within a kind, in the order written), each with a fixed pick rule:
 *   - skills: for every skill, the first credential carrying it, fewest hours first;
 *   - EQF: the first `count` credentials at the level or above, fewest hours first;
 *   - ECTS / hours: the largest credentials first, until the minimum is reached.
 * Each rule has the property that a larger pool never leaves a smaller remainder for the next
 * elective and never gives a lower result (adding a credential either is not picked, or displaces
 * picks that fall back to the pool). That is what makes progress monotone without an exponential
 * search; the price is that a credential may land on an earlier elective when a later one
 * needed it more.
 */
import { credentialsWithSkill, type CredentialIndex, type HeldCredential } from "./credential-index";
import type { RequiredSkill } from "./definition-schema";
import { textKey } from "./keys";
import type { ElectiveNode } from "./tree";

export interface ElectiveOutcome {
  picks: HeldCredential[];
  /** Share of the requirement met, 0–1; exactly 1 when met. */
  fraction: number;
  done: number;
  needed: number;
  missingSkills: RequiredSkill[];
  /** Nothing counted, but expired credentials would have. */
  expiredWouldHelp: boolean;
}

const SERVICE_ORDER = { "skills-covered": 0, "min-eqf": 1, "min-ects": 2, "min-hours": 3 } as const;

export function allotElectives(
  electives: readonly ElectiveNode[],
  index: CredentialIndex,
  isNamed: (held: HeldCredential) => boolean,
): ElectiveOutcome[] {
  const taken = new Uint8Array(index.all.length);
  const outcomes: ElectiveOutcome[] = [];
  const ordered = [...electives].sort(
    (a, b) => SERVICE_ORDER[a.requirement.type] - SERVICE_ORDER[b.requirement.type] || a.index - b.index,
  );
  for (const node of ordered) {
    const { requirement } = node;
    const issuer = textKey(requirement.from?.issuerName);
    const fits = (held: HeldCredential) =>
      !held.revoked && taken[held.order] === 0 && !isNamed(held) && (issuer === "" || held.issuerKey === issuer);
    const counts = (held: HeldCredential) => fits(held) && (!held.expired || requirement.allowExpired === true);
    const outcome = allotOne(node, index, counts);
    if (outcome.fraction === 0) outcome.expiredWouldHelp = allotOne(node, index, fits).fraction > 0;
    for (const held of outcome.picks) taken[held.order] = 1;
    outcomes[node.index] = outcome;
  }
  return outcomes;
}

function allotOne(
  node: ElectiveNode,
  index: CredentialIndex,
  counts: (held: HeldCredential) => boolean,
): ElectiveOutcome {
  const { requirement } = node;
  switch (requirement.type) {
    case "min-hours":
      return untilTotal(index.mostHoursFirst, (h) => h.hours, requirement.hours, counts);
    case "min-ects":
      return untilTotal(index.mostEctsFirst(), (h) => h.ects, requirement.ects, counts);
    case "min-eqf": {
      const needed = requirement.count ?? 1;
      const picks: HeldCredential[] = [];
      for (const held of index.fewestHoursFirst) {
        if (picks.length === needed) break;
        if (held.eqf >= requirement.level && counts(held)) picks.push(held);
      }
      return outcome(picks, picks.length, needed, []);
    }
    case "skills-covered":
      return coverSkills(requirement.skills, index, counts);
  }
}

function untilTotal(
  order: readonly HeldCredential[],
  amount: (h: HeldCredential) => number,
  needed: number,
  counts: (h: HeldCredential) => boolean,
): ElectiveOutcome {
  const picks: HeldCredential[] = [];
  let done = 0;
  for (const held of order) {
    if (done >= needed || amount(held) === 0) break;
    if (!counts(held)) continue;
    picks.push(held);
    done += amount(held);
  }
  return outcome(picks, done, needed, []);
}

function coverSkills(
  skills: readonly RequiredSkill[],
  index: CredentialIndex,
  counts: (h: HeldCredential) => boolean,
): ElectiveOutcome {
  const rank = (held: HeldCredential) => index.fewestHoursRank[held.order]!;
  const picks = new Set<HeldCredential>();
  const missing: RequiredSkill[] = [];
  for (const skill of skills) {
    let best: HeldCredential | undefined;
    for (const list of credentialsWithSkill(index, skill)) {
      const first = list.find(counts);
      if (first && (best === undefined || rank(first) < rank(best))) best = first;
    }
    if (best) picks.add(best);
    else missing.push(skill);
  }
  const sorted = [...picks].sort((a, b) => a.order - b.order);
  return outcome(sorted, skills.length - missing.length, skills.length, missing);
}

function outcome(
  picks: HeldCredential[],
  done: number,
  needed: number,
  missingSkills: RequiredSkill[],
): ElectiveOutcome {
  return {
    picks,
    fraction: done >= needed ? 1 : Math.max(0, done / needed),
    done,
    needed,
    missingSkills,
    expiredWouldHelp: false,
  };
}
