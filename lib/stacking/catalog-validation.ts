/**
 * How definitions refer to each other. A catalog is valid when every pathway reference names a
 * pathway in it, no references go round in a cycle (none of those pathways could ever be
 * completed), each definition is valid on its own, and a stacked pathway stays small enough once
 * its references are expanded. Naming one credential twice across references is a warning: a
 * credential counts once per pathway, so the holder would need two separate copies of it.
 */
import { matcherKeys, walkRequirements } from "./definition-checks";
import { DEFINITION_LIMITS, type PathwayDefinition } from "./definition-schema";
import { parsePathwayDefinition } from "./parse-definition";

export interface CatalogValidation {
  ok: boolean;
  errors: string[];
  warnings: string[];
}

export function validateCatalog(definitions: readonly PathwayDefinition[]): CatalogValidation {
  const errors: string[] = [];
  const warnings: string[] = [];
  const byId = new Map<string, PathwayDefinition>();
  const seen = new Set<string>();
  for (const [index, definition] of definitions.entries()) {
    // Definitions may come from storage: check each on its own first, and only walk the valid ones.
    const parsed = parsePathwayDefinition(definition);
    const id = typeof (definition as { id?: unknown } | null)?.id === "string" ? definition.id : `#${index + 1}`;
    if (seen.has(id)) errors.push(`Pathway id "${id}" is used by more than one definition.`);
    seen.add(id);
    if (!parsed.ok) errors.push(...parsed.errors.map((e) => `Pathway "${id}": ${e}`));
    else if (!byId.has(id)) byId.set(id, parsed.definition);
  }
  for (const definition of byId.values()) {
    for (const requirement of walkRequirements(definition.requirements)) {
      if (
        requirement.type === "pathway" &&
        requirement.pathwayId !== definition.id &&
        !seen.has(requirement.pathwayId)
      ) {
        errors.push(
          `Pathway "${definition.id}", requirement "${requirement.id}" refers to pathway "${requirement.pathwayId}", which is not in the catalog.`,
        );
      }
    }
  }
  const cycles = findCycles(byId);
  for (const cycle of cycles)
    errors.push(`Pathways refer to each other in a cycle: ${cycle.join(" → ")}; none of them could ever be completed.`);
  if (cycles.length === 0) checkExpansions(byId, errors, warnings);
  return { ok: errors.length === 0, errors, warnings };
}

function references(definition: PathwayDefinition): string[] {
  const ids: string[] = [];
  for (const requirement of walkRequirements(definition.requirements))
    if (requirement.type === "pathway") ids.push(requirement.pathwayId);
  return ids;
}

/** Every distinct cycle once, written from its smallest id and closed: a → b → a. */
export function findCycles(byId: ReadonlyMap<string, PathwayDefinition>): string[][] {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (id: string) => {
    state.set(id, "open");
    path.push(id);
    for (const next of references(byId.get(id)!)) {
      if (!byId.has(next)) continue;
      if (state.get(next) === "open") {
        const cycle = path.slice(path.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(rotated.join(" "), [...rotated, rotated[0]!]);
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(id, "done");
  };
  for (const id of [...byId.keys()].sort()) if (!state.has(id)) visit(id);
  return [...found.values()];
}

interface Expansion {
  size: number;
  /** Credential keys named anywhere in the expanded tree, with where they are named. */
  named: Array<{ key: string; where: string }>;
}

function checkExpansions(byId: ReadonlyMap<string, PathwayDefinition>, errors: string[], warnings: string[]): void {
  const memo = new Map<string, Expansion>();
  const expand = (definition: PathwayDefinition): Expansion => {
    const cached = memo.get(definition.id);
    if (cached) return cached;
    const result: Expansion = { size: 0, named: [] };
    for (const requirement of walkRequirements(definition.requirements)) {
      result.size += 1;
      if (requirement.type === "credential")
        for (const key of matcherKeys(requirement.match))
          result.named.push({ key, where: `requirement "${requirement.id}"` });
      const referenced = requirement.type === "pathway" ? byId.get(requirement.pathwayId) : undefined;
      if (!referenced) continue;
      const inner = expand(referenced);
      result.size += inner.size + 1;
      // Past the limit the pathway is refused anyway; stop collecting (diamond references double it at every level).
      if (result.size > DEFINITION_LIMITS.maxExpandedRequirements) continue;
      const via = `pathway "${referenced.id}"`;
      for (const key of matcherKeys({ ...referenced.target, issuerName: referenced.target.issuer.name }))
        result.named.push({ key, where: `${via} (its target)` });
      for (const { key, where } of inner.named) result.named.push({ key, where: `${where} of ${via}` });
    }
    memo.set(definition.id, result);
    return result;
  };
  for (const definition of byId.values()) {
    const { size, named } = expand(definition);
    if (size > DEFINITION_LIMITS.maxExpandedRequirements) {
      errors.push(
        `Pathway "${definition.id}" has ${size} requirements once the pathways it refers to are included; at most ${DEFINITION_LIMITS.maxExpandedRequirements} are allowed.`,
      );
    }
    const firstPlace = new Map<string, string>();
    const warned = new Set<string>();
    for (const { key, where } of named) {
      const earlier = firstPlace.get(key);
      if (earlier === undefined) firstPlace.set(key, where);
      else if (earlier !== where && !warned.has(key)) {
        warned.add(key);
        warnings.push(
          `Pathway "${definition.id}" names the same credential in ${earlier} and in ${where}; a credential counts once per pathway, so the holder would need two copies.`,
        );
      }
    }
  }
}
