/**
 * Pathway definitions: the versioned JSON that says how credentials stack into a target
 * credential. `parsePathwayDefinition` checks one definition (shape, then meaning);
 * `validateCatalog` checks how definitions refer to each other (unknown references, cycles).
 * Both return person-readable messages that name the requirement at fault; neither throws.
 */
export * from "./definition-schema";
export { validateCatalog } from "./catalog-validation";
export { parsePathwayDefinition } from "./parse-definition";
