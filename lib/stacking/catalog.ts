/**
 * The seeded catalog: realistic health-sector pathways with fictional content, and for each
 * component the data the demo issuer needs to issue its badge. Seeded into the database and
 * validated as a whole (catalog.test.ts).
 */
import { digitalSkillsCareTeams } from "./catalog/digital-skills-care-teams";
import { healthDataInteroperability } from "./catalog/health-data-interoperability";
import { healthInformatics } from "./catalog/health-informatics";
import { icd11ClinicalCoding } from "./catalog/icd-11-clinical-coding";
import { refugeeMigrantHealth } from "./catalog/refugee-migrant-health";
import type { CatalogEntry, DemoComponent } from "./catalog/demo-issuer";
import type { PathwayDefinition } from "./definition-schema";

export { DEMO_ISSUER, type CatalogEntry, type DemoComponent } from "./catalog/demo-issuer";

export const CATALOG_ENTRIES: readonly CatalogEntry[] = [
  icd11ClinicalCoding,
  healthDataInteroperability,
  digitalSkillsCareTeams,
  refugeeMigrantHealth,
  healthInformatics,
];

export const CATALOG: readonly PathwayDefinition[] = CATALOG_ENTRIES.map((entry) => entry.definition);

/** Every component badge the demo issuer can issue, across the catalog. */
export const DEMO_COMPONENTS: readonly DemoComponent[] = CATALOG_ENTRIES.flatMap((entry) => entry.components);

export function findDemoComponent(achievementId: string): DemoComponent | undefined {
  return DEMO_COMPONENTS.find((component) => component.achievementId === achievementId);
}
