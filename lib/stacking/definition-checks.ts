/**
 * What a valid shape can still get wrong: duplicate ids, credentials that could never be matched
 * or that are named twice (a credential counts once per pathway, so the second could never be met
 * by it), "any n of" groups that cannot reach n, and a pathway that refers to itself.
 * Each message names the requirement so the author can find it.
 */
import { DEFINITION_LIMITS, type PathwayDefinition, type Requirement } from "./definition-schema";
import { achievementMatchKey, issuerTitleMatchKey, textKey } from "./keys";

export const TYPE_NAMES: Record<Requirement["type"], string> = {
  "all-of": "all of",
  "any-of": "any n of",
  credential: "credential",
  "min-hours": "minimum hours",
  "min-ects": "minimum ECTS",
  "min-eqf": "minimum EQF level",
  "skills-covered": "skills covered",
  pathway: "pathway",
};

export const requirementName = (r: Requirement) => `Requirement "${r.id}" (${TYPE_NAMES[r.type]})`;

/** Nesting and size, checked on the raw JSON before the schema walks it (and before it could recurse deeply). */
export function checkRawLimits(raw: unknown): string[] {
  const root = (raw as { requirements?: unknown } | null)?.requirements;
  let nodes = 0;
  let deepest = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0 && nodes <= DEFINITION_LIMITS.maxRequirements) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    nodes += 1;
    deepest = Math.max(deepest, depth);
    if (depth > DEFINITION_LIMITS.maxDepth) break;
    const kids = (node as { children?: unknown }).children;
    if (Array.isArray(kids)) for (const kid of kids) stack.push({ node: kid, depth: depth + 1 });
  }
  if (deepest > DEFINITION_LIMITS.maxDepth)
    return [`Requirements are nested more than ${DEFINITION_LIMITS.maxDepth} levels deep; flatten the groups.`];
  if (nodes > DEFINITION_LIMITS.maxRequirements)
    return [
      `The definition has more than ${DEFINITION_LIMITS.maxRequirements} requirements; split it into pathways that refer to each other.`,
    ];
  return [];
}

export function* walkRequirements(root: Requirement): Generator<Requirement> {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (node.type === "all-of" || node.type === "any-of")
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** The keys a matcher recognises a credential by (achievement id, issuer + title). */
export function matcherKeys(match: { achievementId?: string; issuerName?: string; title?: string }): string[] {
  return [
    achievementMatchKey(textKey(match.achievementId)),
    issuerTitleMatchKey(textKey(match.issuerName), textKey(match.title)),
  ].filter((key) => key !== "");
}

export function checkDefinitionMeaning(definition: PathwayDefinition): string[] {
  const errors: string[] = [];
  const seenIds = new Set<string>();
  const namedBy = new Map<string, string>();
  for (const requirement of walkRequirements(definition.requirements)) {
    if (seenIds.has(requirement.id))
      errors.push(`Requirement id "${requirement.id}" is used more than once; ids must be unique within a pathway.`);
    seenIds.add(requirement.id);
    if (requirement.type === "credential") errors.push(...checkCredential(requirement, namedBy));
    if (requirement.type === "pathway" && requirement.pathwayId === definition.id)
      errors.push(
        `${requirementName(requirement)} refers to its own pathway "${definition.id}", so it can never be met.`,
      );
    if (
      requirement.type === "skills-covered" &&
      requirement.skills.some((s) => textKey(s.name) === "" && textKey(s.code) === "")
    )
      errors.push(`${requirementName(requirement)} has a skill without a name or code.`);
  }
  checkMeetable(definition.requirements, errors);
  return errors;
}

function checkCredential(
  requirement: Extract<Requirement, { type: "credential" }>,
  namedBy: Map<string, string>,
): string[] {
  const { match } = requirement;
  if ((match.issuerName === undefined) !== (match.title === undefined)) {
    return [
      `${requirementName(requirement)} matches by issuer and title but gives only the ${match.title === undefined ? "issuer" : "title"}; give both.`,
    ];
  }
  const keys = matcherKeys(match);
  if (keys.length === 0)
    return [
      `${requirementName(requirement)} says neither an achievement id nor an issuer and title, so no credential could ever meet it.`,
    ];
  const errors: string[] = [];
  for (const key of keys) {
    const other = namedBy.get(key);
    if (other !== undefined && other !== requirement.id) {
      errors.push(
        `${requirementName(requirement)} names the same credential as requirement "${other}"; a credential counts once per pathway, so both can never be met by it.`,
      );
      break;
    }
    namedBy.set(key, requirement.id);
  }
  return errors;
}

/** Whether a requirement can be met at all; reports each impossible group once, where it is. */
function checkMeetable(node: Requirement, errors: string[]): boolean {
  if (node.type === "credential" && matcherKeys(node.match).length === 0) return false;
  if (node.type !== "all-of" && node.type !== "any-of") return true;
  const meetable = node.children.map((child) => checkMeetable(child, errors));
  const possible = meetable.filter(Boolean).length;
  if (node.type === "all-of") return possible === node.children.length;
  if (node.count > node.children.length) {
    errors.push(
      `${requirementName(node)} asks for any ${node.count} of its options but has only ${node.children.length}, so it can never be met.`,
    );
    return false;
  }
  if (possible < node.count) {
    errors.push(
      `${requirementName(node)} asks for any ${node.count} of its options but only ${possible} of them can be met, so it can never be met.`,
    );
    return false;
  }
  return true;
}
