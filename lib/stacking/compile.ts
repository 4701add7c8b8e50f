/**
 * A catalog checked and turned into evaluation trees once. Definitions change rarely (seeding,
 * an admin edit); credentials change on every import, delete and expiry. Compiling the catalog
 * once and passing it to computeProgress makes each recomputation pay only for the holder's
 * credentials. computeProgress also accepts plain definitions and compiles them on the fly.
 */
import { parsePathwayDefinition, type PathwayDefinition } from "./definition";
import { measureTree, type TreeSizes } from "./score";
import { buildTree, type PathwayTree } from "./tree";

export type CompiledPathway =
  | { ok: true; definition: PathwayDefinition; tree: PathwayTree; sizes: TreeSizes }
  | { ok: false; definition: unknown; errors: string[] };

export interface CompiledCatalog {
  readonly compiled: true;
  readonly pathways: readonly CompiledPathway[];
}

export function compileCatalog(definitions: readonly unknown[]): CompiledCatalog {
  const checked = definitions.map((definition) => parsePathwayDefinition(definition));
  const byId = new Map<string, PathwayDefinition>();
  for (const result of checked)
    if (result.ok && !byId.has(result.definition.id)) byId.set(result.definition.id, result.definition);
  const pathways = checked.map((result, i): CompiledPathway => {
    if (!result.ok) return { ok: false, definition: definitions[i], errors: result.errors };
    const tree = buildTree(result.definition, byId);
    return { ok: true, definition: result.definition, tree, sizes: measureTree(tree) };
  });
  return { compiled: true, pathways };
}

export function isCompiledCatalog(value: unknown): value is CompiledCatalog {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { compiled?: unknown }).compiled === true &&
    Array.isArray((value as { pathways?: unknown }).pathways)
  );
}
