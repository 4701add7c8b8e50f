import { KIND_LABELS, type CredentialKind } from "@/lib/credentials/record";
import { TEXT_CAPS } from "./limits";
import type { PortfolioGroup, PortfolioItem } from "./model";
import { printableLine } from "./text";

/** A pathway as grouping needs it: its progress for this holder, computed from lib/stacking. */
export interface GroupingPathway {
  title: string;
  followed: boolean;
  complete: boolean;
  percentByCount: number;
  /** Credentials that count toward it, and the target credentials themselves. */
  credentialIds: readonly string[];
}

/** Biggest first: a nano-degree says more on a CV than the badges that built it. */
const KIND_ORDER: CredentialKind[] = ["nano-degree", "micro-credential", "badge"];

export function groupByKind(items: readonly PortfolioItem[]): PortfolioGroup[] {
  return KIND_ORDER.flatMap((kind) => {
    const members = items.filter((item) => item.kind === kind);
    return members.length > 0 ? [{ title: KIND_LABELS[kind], note: null, items: members }] : [];
  });
}

function pathwayOrder(a: GroupingPathway, b: GroupingPathway): number {
  return Number(b.complete) - Number(a.complete) || Number(b.followed) - Number(a.followed);
}

/**
 * Each credential once, under the first pathway it counts toward: completed pathways first,
 * then the ones the holder follows (a goal is always followed), in catalog order. A catalog
 * pathway the holder neither follows nor completed is not theirs to claim on a CV. What counts
 * toward none closes the list as "Other credentials".
 */
export function groupByPathway(
  items: readonly PortfolioItem[],
  pathways: readonly GroupingPathway[],
): PortfolioGroup[] {
  const placed = new Set<string>();
  const groups: PortfolioGroup[] = [];
  for (const pathway of pathways.filter((p) => p.complete || p.followed).sort(pathwayOrder)) {
    const ids = new Set(pathway.credentialIds);
    const members = items.filter((item) => ids.has(item.id) && !placed.has(item.id));
    if (members.length === 0) continue;
    members.forEach((item) => placed.add(item.id));
    const note = pathway.complete ? "Pathway completed" : `Pathway in progress, ${Math.round(pathway.percentByCount)}%`;
    groups.push({ title: printableLine(pathway.title, TEXT_CAPS.pathway), note, items: members });
  }
  const rest = items.filter((item) => !placed.has(item.id));
  if (rest.length > 0)
    groups.push({ title: groups.length > 0 ? "Other credentials" : "Credentials", note: null, items: rest });
  return groups;
}

/** Titles of the completed pathways that any of these credentials count toward. */
export function completedPathwayTitles(
  items: readonly PortfolioItem[],
  pathways: readonly GroupingPathway[],
): string[] {
  const ids = new Set(items.map((item) => item.id));
  const titles = pathways
    .filter((p) => p.complete && p.credentialIds.some((id) => ids.has(id)))
    .map((p) => printableLine(p.title, TEXT_CAPS.pathway));
  return [...new Set(titles)];
}
