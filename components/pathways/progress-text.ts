/**
 * How a pathway's progress reads: the words on cards, in the stack view and on a credential's
 * page. Pure, so every phrase is tested once and reads the same everywhere.
 */
import { formatNumber, plural } from "@/components/ui/format";
import type {
  Effort,
  NextStep,
  PathwayDefinition,
  PathwayKind,
  PathwayProgress,
  Requirement,
  RequirementProgress,
  RequirementStatus,
} from "@/lib/stacking";

export const PATHWAY_KIND_LABELS: Record<PathwayKind, string> = {
  "micro-credential": "Micro-credential",
  "nano-degree": "Nano-degree",
  certificate: "Certificate",
};

/** What lib/stacking/goal.ts names as the awarding body of a goal that names none. */
const GOAL_WITHOUT_ISSUER = "Set by you";

export interface UnitCount {
  met: number;
  total: number;
}

type DefinitionsBySlug = ReadonlyMap<string, PathwayDefinition>;

/**
 * Requirements met and needed, counted like the engine's percentByCount (README rule 5): every
 * leaf is one, an "any n of" group needs its n smallest options, a referenced pathway counts as
 * its own requirements (all met once its target is held). The progress tree mirrors the
 * definition child for child; referenced pathways are looked up by slug.
 */
export function requirementUnits(
  requirement: Requirement,
  node: RequirementProgress,
  definitions: DefinitionsBySlug,
  depth = 0,
): UnitCount {
  if (requirement.type === "all-of" || requirement.type === "any-of") {
    if (requirement.children.length !== node.children.length) return leafUnits(node);
    const children = requirement.children.map((child, i) =>
      requirementUnits(child, node.children[i]!, definitions, depth + 1),
    );
    const needed = requirement.type === "all-of" ? children.length : Math.min(requirement.count, children.length);
    const total = [...children]
      .map((c) => c.total)
      .sort((a, b) => a - b)
      .slice(0, needed)
      .reduce((sum, n) => sum + n, 0);
    if (node.status === "met") return { met: total, total };
    const met = [...children]
      .map((c) => c.met)
      .sort((a, b) => b - a)
      .slice(0, needed)
      .reduce((sum, n) => sum + n, 0);
    return { met: Math.min(met, total), total };
  }
  if (requirement.type === "pathway") {
    const referenced = definitions.get(requirement.pathwayId);
    const components = node.children[0];
    // Depth bounds a broken catalog; the engine already reports cycles as problems.
    if (!referenced || !components || depth > 16) return leafUnits(node);
    const inner = requirementUnits(referenced.requirements, components, definitions, depth + 1);
    return node.status === "met" ? { met: inner.total, total: inner.total } : inner;
  }
  return leafUnits(node);
}

function leafUnits(node: RequirementProgress): UnitCount {
  return { met: node.status === "met" ? 1 : 0, total: 1 };
}

export function progressUnits(
  pathway: { definition: PathwayDefinition; progress: PathwayProgress },
  definitions: DefinitionsBySlug,
): UnitCount {
  const root = pathway.progress.requirements;
  if (!root) return { met: 0, total: 0 };
  const units = requirementUnits(pathway.definition.requirements, root, definitions);
  return pathway.progress.complete ? { met: units.total, total: units.total } : units;
}

/** "3 of 5 requirements met"; "1 of 1 requirements met" too (read as "of the requirements"). */
export function unitsText({ met, total }: UnitCount): string {
  return `${formatNumber(met)} of ${formatNumber(total)} requirements met`;
}

/** "60%", "33.3%" */
export function percentText(percent: number): string {
  return `${formatNumber(percent)}%`;
}

/** "45 of 120 hours" (notional hours, the basis of percentByWeight). */
export function hoursText(weight: { done: number; total: number }): string {
  return `${formatNumber(weight.done)} of ${weight.total === 1 ? "1 hour" : `${formatNumber(weight.total)} hours`}`;
}

/** "about 20 h", or null when nobody stated the hours. */
export function effortText(effort: Effort): string | null {
  if (effort.unknown > 0 || effort.hours <= 0) return null;
  return `about ${formatNumber(effort.hours)} h`;
}

/** What is left overall: "About 20 h to go", "About 20 h to go, plus 2 parts with no stated hours". */
export function remainingText(effort: Effort): string | null {
  const parts: string[] = [];
  if (effort.hours > 0) parts.push(`About ${formatNumber(effort.hours)} h to go`);
  if (effort.unknown > 0)
    parts.push(`${parts.length > 0 ? "plus " : ""}${plural(effort.unknown, "part")} with no stated hours`);
  if (parts.length === 0) return null;
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Earn “Postcoordination and Extension Codes” · about 20 h" */
export function nextStepText(step: NextStep): string {
  const effort = effortText(step.remaining);
  return effort ? `${step.action} · ${effort}` : step.action;
}

export interface StatusView {
  word: string;
  tone: "met" | "partial" | "missing" | "expired";
}

/** The word for a requirement's status (shown with an icon: never colour alone). */
export function statusView(status: RequirementStatus, type: RequirementProgress["type"]): StatusView {
  switch (status) {
    case "met":
      return { word: type === "credential" || type === "pathway" || type === "target" ? "Earned" : "Met", tone: "met" };
    case "partial":
      return { word: "In progress", tone: "partial" };
    case "expired-only":
      return { word: "Expired — renew it", tone: "expired" };
    case "missing":
      return { word: "Missing", tone: "missing" };
  }
}

/** The awarding body to ask, or null for a goal that names none. */
export function awardingBody(definition: PathwayDefinition): string | null {
  const name = definition.target.issuer.name;
  return name === GOAL_WITHOUT_ISSUER ? null : name;
}

/** Said once a pathway is complete: whether the holder already holds the target, else whom to ask. */
export function completionText(definition: PathwayDefinition, progress: PathwayProgress): string {
  if (progress.targetHeld) return "You hold the target credential.";
  const body = awardingBody(definition);
  return body
    ? `Ask ${body} for the “${definition.target.title}” credential.`
    : `Ask the awarding body for the “${definition.target.title}” credential.`;
}

/** "Micro-credential · awarded by Northbridge Academy" */
export function targetLine(definition: PathwayDefinition): string {
  const kind = PATHWAY_KIND_LABELS[definition.target.kind] ?? definition.target.kind;
  const body = awardingBody(definition);
  return body ? `${kind} · awarded by ${body}` : kind;
}

/** Linked suggestions have no database id: "linked:3" is reached as /pathways/linked-3. */
export function pathwayHref(id: string): string {
  return `/pathways/${id.startsWith("linked:") ? `linked-${id.slice("linked:".length)}` : id}`;
}

/** The overview id for a URL segment: a uuid as is, "linked-3" → "linked:3", anything else null. */
export function pathwayIdFromSegment(segment: string, isUuid: (value: string) => boolean): string | null {
  if (isUuid(segment)) return segment.toLowerCase();
  const linked = /^linked-(\d{1,4})$/.exec(segment);
  return linked ? `linked:${Number(linked[1])}` : null;
}

export interface PathwayGroups<T> {
  yours: T[];
  completed: T[];
  explore: T[];
  suggested: T[];
}

/**
 * The overview's sections: followed pathways and goals in progress; every completed catalog
 * pathway or goal (followed or not: the holder earned it); the rest of the catalog; suggestions
 * derived from the holder's own credentials (which cannot be followed).
 */
export function groupPathways<T extends { source: string; followed: boolean; progress: { complete: boolean } }>(
  pathways: readonly T[],
): PathwayGroups<T> {
  const groups: PathwayGroups<T> = { yours: [], completed: [], explore: [], suggested: [] };
  for (const pathway of pathways) {
    if (pathway.source === "linked") groups.suggested.push(pathway);
    else if (pathway.progress.complete) groups.completed.push(pathway);
    else if (pathway.followed) groups.yours.push(pathway);
    else groups.explore.push(pathway);
  }
  return groups;
}

export function definitionsBySlug(
  pathways: readonly { definition: PathwayDefinition }[],
): Map<string, PathwayDefinition> {
  return new Map(pathways.map((p) => [p.definition.id, p.definition]));
}
