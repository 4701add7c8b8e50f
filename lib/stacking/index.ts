/** The stacking engine's public surface (pure: no I/O, no next/*, no db). See README.md. */
export { DEFINITION_LIMITS, PATHWAY_DEFINITION_VERSION, parsePathwayDefinition, validateCatalog } from "./definition";
export type {
  CatalogValidation,
  CredentialMatcher,
  ParseResult,
  PathwayDefinition,
  PathwayKind,
  PathwayTarget,
  Requirement,
  RequirementType,
} from "./definition";
export { compileCatalog, computeProgress } from "./progress";
export type {
  CompiledCatalog,
  Effort,
  MissingItem,
  NextStep,
  PathwayProgress,
  ProgressOptions,
  RequirementProgress,
  RequirementStatus,
} from "./progress";
export { isExpired, nextExpiry, toStackCredential } from "./credential";
export type { StackCredential, StackSkill } from "./credential";
export { deriveLinkedPathways, type LinkedPathway } from "./related";
export { goalToDefinition, type Goal, type GoalComponent } from "./goal";
export {
  CATALOG,
  CATALOG_ENTRIES,
  DEMO_COMPONENTS,
  DEMO_ISSUER,
  findDemoComponent,
  type CatalogEntry,
  type DemoComponent,
} from "./catalog";
