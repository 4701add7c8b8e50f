import { describe, expect, it } from "vitest";
import {
  CATALOG,
  CATALOG_ENTRIES,
  DEMO_COMPONENTS,
  DEMO_ISSUER,
  findDemoComponent,
  type DemoComponent,
} from "./catalog";
import type { StackCredential } from "./credential";
import { validateCatalog } from "./definition";
import { computeProgress } from "./progress";
import { credential, NOW } from "@/testkit/stacking/builders";

/** What the demo issuer would issue for a component: the badge as Tessera stores it. */
const issued = (component: DemoComponent, fields: Partial<StackCredential> = {}): StackCredential =>
  credential(`demo-${component.requirementId}`, {
    achievementId: component.achievementId,
    title: component.title,
    issuerName: DEMO_ISSUER.name,
    hours: component.hours,
    eqf: component.eqf,
    skills: component.skills,
    ...fields,
  });
const componentsOf = (pathwayId: string) => DEMO_COMPONENTS.filter((c) => c.pathwayId === pathwayId);
const progressOf = (pathwayId: string, wallet: StackCredential[]) =>
  computeProgress(CATALOG, wallet, { now: NOW }).find((p) => p.pathwayId === pathwayId)!;

describe("seeded catalog", () => {
  it("has 4–6 valid health-sector pathways that refer to each other correctly", () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(4);
    expect(CATALOG.length).toBeLessThanOrEqual(6);
    expect(validateCatalog(CATALOG)).toEqual({ ok: true, errors: [], warnings: [] });
    expect(new Set(CATALOG.map((d) => d.target.kind))).toEqual(new Set(["micro-credential", "nano-degree"]));
  });

  it("gives the demo issuer everything it needs for each component badge", () => {
    const ids = DEMO_COMPONENTS.map((c) => c.achievementId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of DEMO_COMPONENTS) {
      expect(c.achievementId).toMatch(/^https:\/\/demo-issuer\.tessera\.test\/achievements\/[a-z0-9-]+$/);
      expect(c.hours).toBeGreaterThan(0);
      expect(c.eqf).toBeGreaterThanOrEqual(1);
      expect(c.eqf).toBeLessThanOrEqual(8);
      expect(c.skills.length).toBeGreaterThan(0);
      for (const s of c.skills) expect(s.code).toMatch(/^demo-esco:/);
      expect(c.criteria.length).toBeGreaterThan(20);
      expect(c.description.length).toBeGreaterThan(20);
      expect(findDemoComponent(c.achievementId)).toBe(c);
    }
    for (const { definition } of CATALOG_ENTRIES)
      expect(definition.target.achievementId).toMatch(/^https:\/\/demo-issuer\.tessera\.test\/achievements\//);
  });

  it("takes a holder of 3 of the 5 ICD-11 modules from 3/5 to 5/5", () => {
    const modules = componentsOf("icd-11-clinical-coding");
    expect(modules).toHaveLength(5);
    const three = progressOf(
      "icd-11-clinical-coding",
      modules.slice(0, 3).map((c) => issued(c)),
    );
    expect(three).toMatchObject({ percentByCount: 60, complete: false });
    expect(three.nextSteps.map((s) => s.achievementId).sort()).toEqual(
      modules
        .slice(3)
        .map((c) => c.achievementId)
        .sort(),
    );
    expect(
      progressOf(
        "icd-11-clinical-coding",
        modules.map((c) => issued(c)),
      ),
    ).toMatchObject({ percentByCount: 100, complete: true });
  });

  it("completes the Health Informatics nano-degree from stacked micro-credentials", () => {
    const wallet = [
      ...componentsOf("icd-11-clinical-coding").map((c) => issued(c)),
      ...componentsOf("health-data-interoperability")
        .slice(0, 3)
        .map((c) => issued(c)),
      ...componentsOf("health-informatics").map((c) => issued(c)),
      ...componentsOf("digital-skills-care-teams")
        .slice(0, 1)
        .map((c) => issued(c)),
      credential("rn", { title: "Bachelor of Nursing", issuerName: "A university", eqf: 6 }),
      credential("cpd", { title: "Leadership in clinical teams", issuerName: "A hospital", hours: 40 }),
    ];
    expect(progressOf("health-informatics", wallet)).toMatchObject({ complete: true, percentByWeight: 100 });
    expect(
      progressOf(
        "health-informatics",
        wallet.filter((c) => c.id !== "cpd"),
      ),
    ).toMatchObject({
      complete: false,
      nextSteps: [{ requirementId: "electives", action: "Add 40 more hours of learning" }],
    });
  });
});
