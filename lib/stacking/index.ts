/** The stacking engine's public surface (pure: no I/O, no next/*, no db). See README.md. */
export { PATHWAY_DEFINITION_VERSION, validateCatalog } from "./definition";
export type { PathwayDefinition, PathwayKind, Requirement } from "./definition";
export { computeProgress } from "./progress";
export type { Effort, NextStep, PathwayProgress, RequirementProgress, RequirementStatus } from "./progress";
export { toStackCredential } from "./credential";
export type { StackCredential } from "./credential";
export { deriveLinkedPathways } from "./related";
export { goalToDefinition, type Goal } from "./goal";
export { CATALOG, CATALOG_ENTRIES, DEMO_COMPONENTS, DEMO_ISSUER, type DemoComponent } from "./catalog";
