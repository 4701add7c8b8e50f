/**
 * The evaluation tree of one pathway: its requirements with every pathway reference expanded in
 * place (so "a credential counts once" holds across the whole stack), leaves numbered for the
 * assignment, and a label for everything. Broken references (unknown, cyclic, too large) become
 * requirements that cannot be met, with the problem in words: evaluation never throws.
 */
import { matchKey, type MatchKey } from "./keys";
import {
  DEFINITION_LIMITS,
  type CredentialMatcher,
  type ElectiveRequirement,
  type PathwayDefinition,
  type Requirement,
  type RequirementType,
} from "./definition-schema";

interface NodeBase {
  /** Requirement id; inside an expanded reference prefixed with the reference's id: "core/privacy". */
  id: string;
  label: string;
  type: RequirementType | "target";
  expectedHours?: number;
}

export interface GroupNode extends NodeBase {
  kind: "group";
  /** How many children must be met: all of them for all-of. */
  count: number;
  children: TreeNode[];
}

/** A specific credential (a component, or the target of a referenced pathway). */
export interface NamedNode extends NodeBase {
  kind: "named";
  index: number;
  key: MatchKey;
  match: CredentialMatcher;
  allowExpired: boolean;
}

/** Hours, ECTS, EQF or skills: drawn from credentials the pathway does not name. */
export interface ElectiveNode extends NodeBase {
  kind: "elective";
  index: number;
  requirement: ElectiveRequirement;
}

export interface PathwayNode extends NodeBase {
  kind: "pathway";
  pathwayId: string;
  /** Holding the referenced pathway's target credential meets this requirement outright. */
  target?: NamedNode;
  components?: TreeNode;
  problem?: string;
}

export type TreeNode = GroupNode | NamedNode | ElectiveNode | PathwayNode;

export interface PathwayTree {
  root: TreeNode;
  named: NamedNode[];
  electives: ElectiveNode[];
  /** The pathway's own target: that credential is the result, never a component. */
  ownTarget: MatchKey;
  problems: string[];
}

export function buildTree(definition: PathwayDefinition, byId: ReadonlyMap<string, PathwayDefinition>): PathwayTree {
  const tree: PathwayTree = {
    root: undefined as unknown as TreeNode,
    named: [],
    electives: [],
    ownTarget: matchKey(targetMatcher(definition)),
    problems: [],
  };
  let budget = DEFINITION_LIMITS.maxExpandedRequirements;

  // Nodes are written as plain literals: in V8, `{ ...base, more }` is far slower, and trees are
  // rebuilt on every computation.
  const build = (requirement: Requirement, prefix: string, trail: readonly string[]): TreeNode => {
    budget -= 1;
    const id = prefix + requirement.id;
    const label = requirement.label ?? defaultLabel(requirement, byId);
    const { type, expectedHours } = requirement;
    switch (requirement.type) {
      case "all-of":
      case "any-of": {
        const count = requirement.type === "all-of" ? requirement.children.length : requirement.count;
        return {
          id,
          label,
          type,
          expectedHours,
          kind: "group",
          count,
          children: requirement.children.map((c) => build(c, prefix, trail)),
        };
      }
      case "credential":
        return named(id, label, type, expectedHours, requirement.match, requirement.allowExpired === true);
      case "pathway":
        return reference(id, label, expectedHours, requirement.pathwayId, trail);
      default: {
        const node: ElectiveNode = {
          id,
          label,
          type,
          expectedHours,
          kind: "elective",
          index: tree.electives.length,
          requirement,
        };
        tree.electives.push(node);
        return node;
      }
    }
  };

  const named = (
    id: string,
    label: string,
    type: NodeBase["type"],
    expectedHours: number | undefined,
    match: CredentialMatcher,
    allowExpired: boolean,
  ): NamedNode => {
    const node: NamedNode = {
      id,
      label,
      type,
      expectedHours,
      kind: "named",
      index: tree.named.length,
      key: matchKey(match),
      match,
      allowExpired,
    };
    tree.named.push(node);
    return node;
  };

  const reference = (
    id: string,
    label: string,
    expectedHours: number | undefined,
    pathwayId: string,
    trail: readonly string[],
  ): PathwayNode => {
    const node: PathwayNode = {
      id,
      label,
      type: "pathway",
      expectedHours,
      kind: "pathway",
      pathwayId,
      target: undefined,
      components: undefined,
      problem: undefined,
    };
    const referenced = byId.get(pathwayId);
    const problem = !referenced
      ? `refers to pathway "${pathwayId}", which is not in the catalog`
      : trail.includes(pathwayId)
        ? `refers to pathway "${pathwayId}" in a cycle (${[...trail.slice(trail.indexOf(pathwayId)), pathwayId].join(" → ")})`
        : budget - countRequirements(referenced.requirements) < 0
          ? `refers to pathway "${pathwayId}", which makes this pathway too large to evaluate`
          : undefined;
    if (referenced)
      node.target = named(
        `${id}#target`,
        referenced.target.title,
        "target",
        referenced.target.eu.workload?.hours,
        targetMatcher(referenced),
        false,
      );
    if (problem !== undefined || !referenced) {
      node.problem = problem;
      tree.problems.push(`Requirement "${id}" ${problem}.`);
    } else node.components = build(referenced.requirements, `${id}/`, [...trail, pathwayId]);
    return node;
  };

  tree.root = build(definition.requirements, "", [definition.id]);
  return tree;
}

export function targetMatcher(definition: PathwayDefinition): CredentialMatcher {
  const { achievementId, title, issuer } = definition.target;
  return achievementId === undefined
    ? { issuerName: issuer.name, title }
    : { achievementId, issuerName: issuer.name, title };
}

function countRequirements(requirement: Requirement): number {
  return requirement.type === "all-of" || requirement.type === "any-of"
    ? 1 + requirement.children.reduce((n, c) => n + countRequirements(c), 0)
    : 1;
}

function defaultLabel(requirement: Requirement, byId: ReadonlyMap<string, PathwayDefinition>): string {
  switch (requirement.type) {
    case "all-of":
      return "All of these";
    case "any-of":
      return `Any ${requirement.count} of these`;
    case "credential":
      return requirement.label;
    case "min-hours":
      return `At least ${requirement.hours} hours of further learning`;
    case "min-ects":
      return `At least ${requirement.ects} ECTS of further learning`;
    case "min-eqf":
      return (requirement.count ?? 1) === 1
        ? `A credential at EQF level ${requirement.level} or higher`
        : `${requirement.count} credentials at EQF level ${requirement.level} or higher`;
    case "skills-covered":
      return `Skills covered: ${requirement.skills.map((s) => s.name).join(", ")}`;
    case "pathway":
      return byId.get(requirement.pathwayId)?.title ?? `Pathway "${requirement.pathwayId}"`;
  }
}
