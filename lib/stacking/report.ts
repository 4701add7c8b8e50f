/**
 * Turns a scored assignment into what the holder reads: the requirement tree with a status and
 * the credentials counted for each requirement, the remaining effort, what is missing, and the
 * next steps along the cheapest way to completion (fewest remaining hours first).
 */
import type { HeldCredential } from "./credential-index";
import type { ElectiveOutcome } from "./electives";
import { addEffort, compareEffort, NO_EFFORT, roundHours, type Effort } from "./effort";
import { byText } from "./keys";
import { HOURS_PER_ECTS, scoreGroup, type NodeScore, type TreeSizes } from "./score";
import type { ElectiveNode, GroupNode, NamedNode, TreeNode } from "./tree";

export type RequirementStatus = "met" | "partial" | "missing" | "expired-only";

export interface RequirementProgress {
  id: string;
  type: TreeNode["type"];
  label: string;
  status: RequirementStatus;
  /** Credentials counted for this requirement (each counts for one requirement per pathway). */
  credentialIds: string[];
  /** Matching credentials that did not count because they have expired. */
  expiredCredentialIds: string[];
  /** "12 of 40 hours", "2 of 3 needed", … */
  detail?: string;
  /** Shortest remaining effort to meet it. */
  remaining: Effort;
  /** A reference that cannot be followed (unknown, cyclic); it can never be met. */
  problem?: string;
  children: RequirementProgress[];
}

export interface NextStep {
  requirementId: string;
  label: string;
  /** What to do, in words: "Earn “Working with interpreters”", "Add 12 more hours of learning". */
  action: string;
  remaining: Effort;
  /** For a specific credential: how to find it (the demo issuer's achievement, a course). */
  achievementId?: string;
  issuerName?: string;
  title?: string;
}

export interface MissingItem {
  requirementId: string;
  label: string;
  status: Exclude<RequirementStatus, "met">;
  remaining: Effort;
  /** One of several options in an "any n of" group, not needed on its own. */
  optional: boolean;
}

export interface ReportInput {
  sizes: TreeSizes;
  assigned: ReadonlyArray<HeldCredential | undefined>;
  expiredMatches: ReadonlyArray<readonly HeldCredential[]>;
  electives: readonly ElectiveOutcome[];
}

export interface Report {
  root: RequirementProgress;
  score: NodeScore;
  missing: MissingItem[];
  nextSteps: NextStep[];
}

interface Built {
  progress: RequirementProgress;
  score: NodeScore;
  steps: NextStep[];
}

export function buildReport(root: TreeNode, input: ReportInput): Report {
  const built = build(root, input);
  const missing: MissingItem[] = [];
  collectMissing(built.progress, root, false, missing);
  const nextSteps = [...built.steps].sort(
    (a, b) =>
      compareEffort(a.remaining, b.remaining) ||
      byText(a.label, b.label) ||
      (a.requirementId < b.requirementId ? -1 : 1),
  );
  return { root: built.progress, score: built.score, missing, nextSteps };
}

function build(node: TreeNode, input: ReportInput): Built {
  switch (node.kind) {
    case "named":
      return buildNamed(node, input);
    case "elective":
      return buildElective(node, input);
    case "group":
      return buildGroup(node, input);
    case "pathway": {
      const target = node.target ? buildNamed(node.target, input) : undefined;
      const components = node.components ? build(node.components, input) : undefined;
      const viaTarget = target?.score.complete === true;
      const score = viaTarget ? target!.score : (components?.score ?? { count: 0, weight: 0, complete: false });
      const childStatus = [target?.progress.status, components?.progress.status];
      const status: RequirementStatus = score.complete
        ? "met"
        : components?.progress.status === "partial"
          ? "partial"
          : childStatus.includes("expired-only")
            ? "expired-only"
            : "missing";
      const remaining = score.complete
        ? NO_EFFORT
        : (components?.progress.remaining ?? target?.progress.remaining ?? { hours: 0, unknown: 1 });
      const steps = score.complete ? [] : (components?.steps ?? target?.steps ?? []);
      const progress = requirementNode(
        node,
        status,
        remaining,
        viaTarget ? target!.progress.credentialIds : [],
        target?.progress.expiredCredentialIds ?? [],
        components ? [components.progress] : [],
        viaTarget ? `Met by holding “${node.target!.label}”` : undefined,
      );
      if (node.problem !== undefined) progress.problem = node.problem;
      return { score, steps, progress };
    }
  }
}

function requirementNode(
  node: TreeNode,
  status: RequirementStatus,
  remaining: Effort,
  credentialIds: string[],
  expiredCredentialIds: string[],
  children: RequirementProgress[],
  detail?: string,
): RequirementProgress {
  const progress: RequirementProgress = {
    id: node.id,
    type: node.type,
    label: node.label,
    status,
    credentialIds,
    expiredCredentialIds,
    remaining: { hours: roundHours(remaining.hours), unknown: remaining.unknown },
    children,
  };
  if (detail !== undefined) progress.detail = detail;
  return progress;
}

function buildNamed(node: NamedNode, input: ReportInput): Built {
  const held = input.assigned[node.index];
  const expired = (input.expiredMatches[node.index] ?? []).map((h) => h.credential.id);
  const status: RequirementStatus = held ? "met" : expired.length > 0 ? "expired-only" : "missing";
  const remaining = held
    ? NO_EFFORT
    : node.expectedHours !== undefined
      ? { hours: node.expectedHours, unknown: 0 }
      : { hours: 0, unknown: 1 };
  const progress = requirementNode(node, status, remaining, held ? [held.credential.id] : [], expired, []);
  if (held) return { progress, score: { count: 1, weight: 1, complete: true }, steps: [] };
  const { achievementId, issuerName, title } = node.match;
  const step: NextStep = {
    requirementId: node.id,
    label: node.label,
    action: `${status === "expired-only" ? "Renew" : "Earn"} “${node.label}”`,
    remaining: progress.remaining,
  };
  if (achievementId !== undefined) step.achievementId = achievementId;
  if (issuerName !== undefined) step.issuerName = issuerName;
  if (title !== undefined) step.title = title;
  return { progress, score: { count: 0, weight: 0, complete: false }, steps: [step] };
}

/** Said wherever a total leans on figures the holder set rather than the credentials (issue 18). */
function holderSetNote(
  picks: readonly { credential: { hoursHolderSet?: boolean; ectsHolderSet?: boolean } }[],
  key: "hoursHolderSet" | "ectsHolderSet",
): string {
  return picks.some((held) => held.credential[key] === true) ? " (includes holder-set figures)" : "";
}

function buildElective(node: ElectiveNode, input: ReportInput): Built {
  const outcome = input.electives[node.index]!;
  const r = node.requirement;
  const complete = outcome.fraction >= 1;
  const status: RequirementStatus = complete
    ? "met"
    : outcome.fraction > 0
      ? "partial"
      : outcome.expiredWouldHelp
        ? "expired-only"
        : "missing";
  const gap = Math.max(0, outcome.needed - outcome.done);
  const share = (per: number | undefined): Effort =>
    per === undefined ? { hours: 0, unknown: 1 } : { hours: (per * gap) / outcome.needed, unknown: 0 };
  let remaining: Effort;
  let detail: string;
  let action: string;
  const from = r.from?.issuerName !== undefined ? ` from ${r.from.issuerName}` : "";
  switch (r.type) {
    case "min-hours":
      [remaining, detail, action] = [
        { hours: gap, unknown: 0 },
        `${roundHours(outcome.done)} of ${r.hours} hours${holderSetNote(outcome.picks, "hoursHolderSet")}`,
        `Add ${roundHours(gap)} more hours of learning${from}`,
      ];
      break;
    case "min-ects":
      [remaining, detail, action] = [
        { hours: gap * HOURS_PER_ECTS, unknown: 0 },
        `${roundHours(outcome.done)} of ${r.ects} ECTS${holderSetNote(outcome.picks, "ectsHolderSet")}`,
        `Add ${roundHours(gap)} more ECTS${from}`,
      ];
      break;
    case "min-eqf":
      [remaining, detail, action] = [
        share(r.expectedHours),
        `${outcome.done} of ${outcome.needed} at EQF ${r.level} or higher`,
        `Add ${gap} credential${gap === 1 ? "" : "s"} at EQF level ${r.level} or higher${from}`,
      ];
      break;
    case "skills-covered":
      [remaining, detail, action] = [
        share(r.expectedHours),
        `${outcome.done} of ${outcome.needed} skills${outcome.missingSkills.length > 0 ? `; missing: ${outcome.missingSkills.map((s) => s.name).join(", ")}` : ""}`,
        `Cover ${outcome.missingSkills.map((s) => s.name).join(", ")}${from}`,
      ];
      break;
  }
  if (complete) remaining = NO_EFFORT;
  const progress = requirementNode(
    node,
    status,
    remaining,
    outcome.picks.map((h) => h.credential.id),
    [],
    [],
    detail,
  );
  const score = { count: complete ? 1 : 0, weight: Math.min(1, outcome.fraction), complete };
  return {
    progress,
    score,
    steps: complete ? [] : [{ requirementId: node.id, label: node.label, action, remaining: progress.remaining }],
  };
}

function buildGroup(node: GroupNode, input: ReportInput): Built {
  const children = node.children.map((child) => build(child, input));
  const score = scoreGroup(
    node,
    children.map((c) => c.score),
    input.sizes,
  );
  // The cheapest way: all children for all-of; the n with the least remaining effort for any-n-of.
  const cheapest = children
    .map((child, i) => ({ child, i }))
    .sort((a, b) => compareEffort(a.child.progress.remaining, b.child.progress.remaining) || a.i - b.i)
    .slice(0, node.count);
  const remaining = score.complete
    ? NO_EFFORT
    : cheapest.reduce((sum, { child }) => addEffort(sum, child.progress.remaining), NO_EFFORT);
  const completed = children.filter((c) => c.score.complete).length;
  const status: RequirementStatus = score.complete
    ? "met"
    : score.count > 0 || score.weight > 0
      ? "partial"
      : children.some((c) => c.progress.status === "expired-only")
        ? "expired-only"
        : "missing";
  const detail =
    node.count === node.children.length
      ? `${completed} of ${node.count} met`
      : `${Math.min(completed, node.count)} of ${node.count} needed (from ${node.children.length} options)`;
  return {
    score,
    steps: score.complete ? [] : cheapest.flatMap(({ child }) => child.steps),
    progress: requirementNode(
      node,
      status,
      remaining,
      [],
      [],
      children.map((c) => c.progress),
      detail,
    ),
  };
}

function collectMissing(progress: RequirementProgress, node: TreeNode, optional: boolean, out: MissingItem[]): void {
  if (progress.status === "met") return;
  if (node.kind === "group") {
    const childOptional = optional || node.count < node.children.length;
    node.children.forEach((child, i) => collectMissing(progress.children[i]!, child, childOptional, out));
    return;
  }
  if (node.kind === "pathway" && node.components)
    return collectMissing(progress.children[0]!, node.components, optional, out);
  out.push({
    requirementId: progress.id,
    label: progress.label,
    status: progress.status as MissingItem["status"],
    remaining: progress.remaining,
    optional,
  });
}
