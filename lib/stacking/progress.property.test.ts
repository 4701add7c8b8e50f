import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isExpired, type StackCredential } from "./credential";
import { computeProgress, type PathwayProgress, type RequirementProgress } from "./progress";
import { catalogs, credentialAt, wallets } from "@/testkit/stacking/arbitraries";
import { NOW } from "@/testkit/stacking/builders";
import type { PathwayDefinition } from "./definition";

const run = (catalog: PathwayDefinition[], wallet: StackCredential[]) => computeProgress(catalog, wallet, { now: NOW });

function expectNotLower(after: PathwayProgress[], before: PathwayProgress[]): void {
  after.forEach((p, i) => {
    const q = before[i]!;
    expect(p.percentByCount).toBeGreaterThanOrEqual(q.percentByCount);
    expect(p.percentByWeight).toBeGreaterThanOrEqual(q.percentByWeight);
    if (q.complete) expect(p.complete).toBe(true);
  });
}

/** Credential ids counted by each leaf requirement (groups count nothing themselves). */
function countedPerRequirement(node: RequirementProgress | undefined, out: string[][] = []): string[][] {
  if (!node) return out;
  if (node.type !== "all-of" && node.type !== "any-of") out.push(node.credentialIds);
  for (const child of node.children) countedPerRequirement(child, out);
  return out;
}

const RUNS = { numRuns: 400, seed: 6 };

describe("computeProgress (property-based)", () => {
  it("adding a credential never lowers count- or weight-percent", () => {
    fc.assert(
      fc.property(catalogs(), wallets(), credentialAt("zz-new"), (catalog, wallet, extra) => {
        expectNotLower(run(catalog, [...wallet, extra]), run(catalog, wallet));
      }),
      RUNS,
    );
  });

  it("removing a credential never raises count- or weight-percent", () => {
    fc.assert(
      fc.property(
        catalogs(),
        wallets().filter((w) => w.length > 0),
        fc.nat(),
        (catalog, wallet, pick) => {
          const without = wallet.filter((_, i) => i !== pick % wallet.length);
          expectNotLower(run(catalog, wallet), run(catalog, without));
        },
      ),
      RUNS,
    );
  });

  it("counts a credential for at most one requirement of a pathway, and never the pathway's own target", () => {
    fc.assert(
      fc.property(catalogs(), wallets(), (catalog, wallet) => {
        for (const p of run(catalog, wallet)) {
          const counted = countedPerRequirement(p.requirements).flat();
          expect(new Set(counted).size).toBe(counted.length);
          expect([...counted].sort()).toEqual(p.credentialIds);
          for (const id of p.targetCredentialIds) expect(counted).not.toContain(id);
        }
      }),
      RUNS,
    );
  });

  it("never counts an expired or revoked credential where expired ones are not allowed", () => {
    fc.assert(
      fc.property(catalogs({ allowExpired: false }), wallets(), (catalog, wallet) => {
        const byId = new Map(wallet.map((c) => [c.id, c]));
        for (const p of run(catalog, wallet)) {
          for (const id of p.credentialIds) {
            expect(isExpired(byId.get(id)!, NOW)).toBe(false);
            expect(byId.get(id)!.revoked).toBeUndefined();
          }
        }
      }),
      RUNS,
    );
  });

  it("an expired credential changes no percentage where expired ones are not allowed", () => {
    fc.assert(
      fc.property(catalogs({ allowExpired: false }), wallets(), credentialAt("zz-old"), (catalog, wallet, extra) => {
        const expired = { ...extra, validUntil: "2021-06-01T00:00:00Z" };
        const [before, after] = [run(catalog, wallet), run(catalog, [...wallet, expired])];
        expect(after.map((p) => [p.percentByCount, p.percentByWeight, p.complete])).toEqual(
          before.map((p) => [p.percentByCount, p.percentByWeight, p.complete]),
        );
      }),
      RUNS,
    );
  });

  it("is 100 % exactly when complete, and the same whatever order credentials come in", () => {
    fc.assert(
      fc.property(catalogs(), wallets(), fc.nat(), (catalog, wallet, seed) => {
        const results = run(catalog, wallet);
        for (const p of results) {
          expect(p.percentByCount === 100).toBe(p.complete);
          expect(p.percentByWeight === 100).toBe(p.complete);
          expect(p.percentByCount).toBeGreaterThanOrEqual(0);
        }
        const shuffled = [...wallet].sort(
          (a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 7) - ((b.id.charCodeAt(2) * 31 + seed) % 7),
        );
        expect(run(catalog, shuffled)).toEqual(results);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("never throws, whatever it is given as definitions", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.anything(),
            catalogs().map((c) => c[1]),
          ),
          { maxLength: 3 },
        ),
        wallets(4),
        (definitions, wallet) => {
          const results = run(definitions as PathwayDefinition[], wallet);
          expect(results).toHaveLength(definitions.length);
        },
      ),
      { numRuns: 300, seed: 8 },
    );
  });
});
