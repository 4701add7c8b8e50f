/** Small builders for tests and the benchmark: a credential or a definition in one line. */
import type { StackCredential } from "@/lib/stacking/credential";
import type { PathwayDefinition, Requirement } from "@/lib/stacking/definition-schema";

export const NOW = new Date("2026-03-01T12:00:00Z");
export const ISSUER = "Northfield School of Nursing";

export function credential(id: string, fields: Partial<StackCredential> = {}): StackCredential {
  return { id, title: `Badge ${id}`, issuerName: ISSUER, skills: [], related: [], kind: "badge", ...fields };
}

/** A credential requirement matched by achievement id `urn:a:<key>`. */
export function needs(
  id: string,
  key = id,
  fields: Partial<Extract<Requirement, { type: "credential" }>> = {},
): Requirement {
  return { id, type: "credential", label: `Module ${key}`, match: { achievementId: `urn:a:${key}` }, ...fields };
}

/** A held credential for `needs(…, key)`. */
export function holds(id: string, key: string, fields: Partial<StackCredential> = {}): StackCredential {
  return credential(id, { achievementId: `urn:a:${key}`, title: `Module ${key}`, ...fields });
}

export function definition(
  id: string,
  requirements: Requirement,
  fields: Partial<PathwayDefinition> = {},
): PathwayDefinition {
  return {
    version: 1,
    id,
    title: `Pathway ${id}`,
    summary: "A pathway for tests.",
    target: {
      title: `Target ${id}`,
      kind: "micro-credential",
      issuer: { name: ISSUER },
      achievementId: `urn:target:${id}`,
      eu: { learningOutcomes: [] },
    },
    requirements,
    ...fields,
  };
}

export const allOf = (id: string, ...children: Requirement[]): Requirement => ({ id, type: "all-of", children });
export const anyOf = (id: string, count: number, ...children: Requirement[]): Requirement => ({
  id,
  type: "any-of",
  count,
  children,
});
