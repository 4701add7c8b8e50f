/**
 * The fictional demo issuer behind the seeded catalog. Everything here is invented for the demo:
 * the academy, its achievements, and the skill codes ("ESCO-style" labels with demo codes, not
 * real ESCO concept URIs). The `.test` domain can never resolve to a real site.
 */
import type { CredentialRequirement, PathwayDefinition } from "../definition-schema";

export const DEMO_ISSUER = {
  name: "Tessera Demo Academy of Health Workforce Learning",
  id: "https://demo-issuer.tessera.test/issuer",
  url: "https://demo-issuer.tessera.test",
} as const;

export const DEMO_SKILL_FRAMEWORK = "ESCO-style skills (demo mapping)";

export const achievementUrl = (slug: string) => `https://demo-issuer.tessera.test/achievements/${slug}`;

export interface DemoSkill {
  name: string;
  framework: string;
  code: string;
}

export const skill = (name: string, code: string): DemoSkill => ({
  name,
  framework: DEMO_SKILL_FRAMEWORK,
  code: `demo-esco:${code}`,
});

/** What the demo issuer needs to issue a component badge, and what the pathway matches it by. */
export interface DemoComponent {
  pathwayId: string;
  requirementId: string;
  achievementId: string;
  title: string;
  description: string;
  hours: number;
  ects?: number;
  eqf: number;
  skills: DemoSkill[];
  /** What the earner did to be awarded it (OB 3.0 criteria.narrative). */
  criteria: string;
  /** Months the badge stays valid, for components whose content dates (renewal). */
  validForMonths?: number;
}

export interface CatalogEntry {
  definition: PathwayDefinition;
  components: DemoComponent[];
}

/** The credential requirement a pathway uses for one of its demo components. */
export function componentRequirement(component: DemoComponent): CredentialRequirement {
  return {
    id: component.requirementId,
    type: "credential",
    label: component.title,
    match: { achievementId: component.achievementId, issuerName: DEMO_ISSUER.name, title: component.title },
    expectedHours: component.hours,
  };
}

export const demoTargetIssuer = { name: DEMO_ISSUER.name, id: DEMO_ISSUER.id, url: DEMO_ISSUER.url };
