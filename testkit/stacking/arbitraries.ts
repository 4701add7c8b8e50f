/**
 * fast-check generators: small catalogs (a "base" pathway and a "top" one that may refer to it)
 * over a small universe of modules, issuers and skills, so that credentials often match several
 * requirements at once (by achievement id in one, by issuer + title in another) — the cases where
 * counting once and monotonicity could break.
 */
import fc from "fast-check";
import type { StackCredential } from "@/lib/stacking/credential";
import type { CredentialMatcher, PathwayDefinition, Requirement } from "@/lib/stacking/definition-schema";
import { definition, ISSUER } from "./builders";

const MODULES = ["a", "b", "c", "d", "e"];
const SKILLS = ["triage", "wound care", "sepsis"];
/** Every distinct matcher a generated pathway may use: by id or by issuer + title. */
const MATCHERS: CredentialMatcher[] = MODULES.flatMap((m) => [
  { achievementId: `urn:a:${m}` },
  { issuerName: ISSUER, title: `Module ${m}` },
]);

type Shape =
  | { kind: "named"; allowExpired: boolean; expectedHours: number | undefined }
  | { kind: "elective"; requirement: Omit<Requirement, "id"> }
  | { kind: "ref" }
  | { kind: "group"; all: boolean; n: number; children: Shape[] };

const elective: fc.Arbitrary<Shape> = fc
  .oneof(
    fc.record({ type: fc.constant("min-hours" as const), hours: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ type: fc.constant("min-ects" as const), ects: fc.integer({ min: 1, max: 3 }) }),
    fc.record({
      type: fc.constant("min-eqf" as const),
      level: fc.integer({ min: 1, max: 8 }),
      count: fc.integer({ min: 1, max: 2 }),
    }),
    fc.record({
      type: fc.constant("skills-covered" as const),
      skills: fc
        .uniqueArray(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 2 })
        .map((names) => names.map((name) => ({ name }))),
    }),
  )
  .chain((r) =>
    fc.boolean().map((allowExpired) => ({
      kind: "elective" as const,
      requirement: { ...r, ...(allowExpired && { allowExpired }) } as Omit<Requirement, "id">,
    })),
  );

const named: fc.Arbitrary<Shape> = fc.record({
  kind: fc.constant("named" as const),
  allowExpired: fc.boolean(),
  expectedHours: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
});

const shapes = (withRefs: boolean) =>
  fc.letrec<{ node: Shape; group: Shape }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthIdentifier: "pathway" },
      named,
      named,
      elective,
      ...(withRefs ? [fc.constant<Shape>({ kind: "ref" })] : []),
      tie("group"),
    ),
    group: fc.record({
      kind: fc.constant("group" as const),
      all: fc.boolean(),
      n: fc.nat(),
      children: fc.array(tie("node"), { minLength: 1, maxLength: 4, depthIdentifier: "pathway" }),
    }),
  })).node;

/** Turns a shape into requirements with unique ids and unique matchers (surplus named leaves become hour totals). */
function materialize(shape: Shape, matcherOrder: number[], options: { allowExpired: boolean }): Requirement {
  let nextId = 0;
  let nextMatcher = 0;
  const build = (s: Shape): Requirement => {
    const id = `r${nextId++}`;
    if (s.kind === "group") {
      const children = s.children.map(build);
      return s.all
        ? { id, type: "all-of", children }
        : { id, type: "any-of", count: 1 + (s.n % children.length), children };
    }
    if (s.kind === "ref") return { id, type: "pathway", pathwayId: "base" };
    if (s.kind === "elective" || nextMatcher >= matcherOrder.length) {
      const requirement = s.kind === "elective" ? s.requirement : { type: "min-hours", hours: 5 };
      return { ...requirement, id, ...(!options.allowExpired && { allowExpired: undefined }) } as Requirement;
    }
    const match = MATCHERS[matcherOrder[nextMatcher++]!]!;
    return {
      id,
      type: "credential",
      label: `Leaf ${id}`,
      match,
      ...(s.allowExpired && options.allowExpired && { allowExpired: true }),
      ...(s.expectedHours !== undefined && { expectedHours: s.expectedHours }),
    };
  };
  return JSON.parse(JSON.stringify(build(shape))) as Requirement;
}

const matcherOrder = fc.shuffledSubarray(
  MATCHERS.map((_, i) => i),
  { minLength: MATCHERS.length, maxLength: MATCHERS.length },
);

/** A catalog of "base" and "top" (which may refer to base); valid by construction. */
export const catalogs = (
  options: { allowExpired: boolean } = { allowExpired: true },
): fc.Arbitrary<PathwayDefinition[]> =>
  fc
    .tuple(shapes(false), shapes(true), matcherOrder, matcherOrder)
    .map(([base, top, order1, order2]) => [
      definition("base", materialize(base, order1, options)),
      definition("top", materialize(top, order2, options)),
    ]);

const validity = fc.constantFrom<string | undefined>(
  undefined,
  undefined,
  "2020-01-01T00:00:00Z",
  "2030-01-01T00:00:00Z",
  "not a date",
);

/** A credential from the same small universe; `id` makes it unique in a wallet. */
export const credentialAt = (id: string): fc.Arbitrary<StackCredential> =>
  fc
    .record({
      module: fc.constantFrom(...MODULES, "target-base", "target-top", "other"),
      byId: fc.boolean(),
      issuer: fc.constantFrom(ISSUER, ISSUER, "Elsewhere Institute"),
      hours: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      ects: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      eqf: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
      skills: fc.subarray(SKILLS),
      validUntil: validity,
      /** One credential in ten is revoked. */
      revokedFlag: fc.integer({ min: 0, max: 9 }),
    })
    .map((r) => {
      const isTarget = r.module.startsWith("target-");
      const pathway = r.module.slice("target-".length);
      return {
        id,
        ...(r.byId && { achievementId: isTarget ? `urn:target:${pathway}` : `urn:a:${r.module}` }),
        title: isTarget ? `Target ${pathway}` : `Module ${r.module}`,
        issuerName: r.issuer,
        ...(r.hours !== undefined && { hours: r.hours }),
        ...(r.ects !== undefined && { ects: r.ects }),
        ...(r.eqf !== undefined && { eqf: r.eqf }),
        skills: r.skills.map((name) => ({ name })),
        ...(r.validUntil !== undefined && { validUntil: r.validUntil }),
        ...(r.revokedFlag === 0 && { revoked: true }),
        related: [],
        kind: "badge" as const,
      };
    });

export const wallets = (maxLength = 12): fc.Arbitrary<StackCredential[]> =>
  fc
    .integer({ min: 0, max: maxLength })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => credentialAt(`c${String(i).padStart(2, "0")}`))));
