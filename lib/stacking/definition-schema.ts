/**
 * Pathway definitions, version 1: the JSON stored in the database and seeded from the catalog.
 * The zod schema checks the shape; definition-checks.ts checks the meaning (unique ids, groups
 * that can be met, limits). Messages are written for the person editing the JSON: the parser
 * prefixes them with the requirement they belong to.
 */
import { z } from "zod";

export const PATHWAY_DEFINITION_VERSION = 1;

export const DEFINITION_LIMITS = {
  /** Nesting of requirement groups; deeper trees are unreadable for a holder anyway. */
  maxDepth: 8,
  /** Requirements in one definition (groups included). */
  maxRequirements: 200,
  /** Requirements once referenced pathways are expanded into a stacked one. */
  maxExpandedRequirements: 2_000,
} as const;

export type PathwayKind = "micro-credential" | "nano-degree" | "certificate";

/** A credential is recognised by its achievement id, or by issuer name plus title (either suffices). */
export interface CredentialMatcher {
  achievementId?: string;
  issuerName?: string;
  title?: string;
}

export interface RequiredSkill {
  name: string;
  framework?: string;
  code?: string;
}

/** Which credentials an elective requirement (hours, ECTS, EQF, skills) may draw on. */
export interface ElectiveFilter {
  issuerName?: string;
}

interface RequirementBase {
  /** Unique within the definition: lowercase letters, digits, hyphens. */
  id: string;
  /** What the holder reads; a sensible default is derived when absent. */
  label?: string;
  /** Notional hours to earn what is missing here; orders the next steps and weighs progress. */
  expectedHours?: number;
}

export interface AllOfRequirement extends RequirementBase {
  type: "all-of";
  children: Requirement[];
}

export interface AnyOfRequirement extends RequirementBase {
  type: "any-of";
  /** How many of the children must be met. */
  count: number;
  children: Requirement[];
}

export interface CredentialRequirement extends RequirementBase {
  type: "credential";
  label: string;
  match: CredentialMatcher;
  /** Expired credentials count only where this is true. */
  allowExpired?: boolean;
}

interface ElectiveBase extends RequirementBase {
  allowExpired?: boolean;
  from?: ElectiveFilter;
}

export interface MinHoursRequirement extends ElectiveBase {
  type: "min-hours";
  hours: number;
}

export interface MinEctsRequirement extends ElectiveBase {
  type: "min-ects";
  ects: number;
}

export interface MinEqfRequirement extends ElectiveBase {
  type: "min-eqf";
  level: number;
  /** How many credentials at that level or above (default 1). */
  count?: number;
}

export interface SkillsCoveredRequirement extends ElectiveBase {
  type: "skills-covered";
  skills: RequiredSkill[];
}

/** Another pathway: met when that pathway is complete or the holder holds its target credential. */
export interface PathwayReferenceRequirement extends RequirementBase {
  type: "pathway";
  pathwayId: string;
}

export type ElectiveRequirement =
  MinHoursRequirement | MinEctsRequirement | MinEqfRequirement | SkillsCoveredRequirement;
export type Requirement =
  AllOfRequirement | AnyOfRequirement | CredentialRequirement | ElectiveRequirement | PathwayReferenceRequirement;
export type RequirementType = Requirement["type"];

export interface PathwayTarget {
  title: string;
  kind: PathwayKind;
  issuer: { name: string; id?: string; url?: string };
  achievementId?: string;
  /** The EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I) of the target. */
  eu: {
    workload?: { hours?: number; ects?: number };
    eqfLevel?: number;
    learningOutcomes: string[];
    assessmentType?: string;
    qualityAssurance?: string;
    participation?: string;
  };
}

export interface PathwayDefinition {
  version: typeof PATHWAY_DEFINITION_VERSION;
  /** Stable slug: goals and stored progress refer to it, so it never changes once published. */
  id: string;
  title: string;
  summary: string;
  target: PathwayTarget;
  requirements: Requirement;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (what: string) =>
  z
    .string()
    .max(64, `${what} is longer than 64 characters`)
    .regex(SLUG, `${what} must be a slug: lowercase letters, digits and single hyphens`);
const text = (what: string, max = 300) =>
  z.string().trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`);
const hoursField = (what: string) =>
  z.number().finite().positive(`${what} must be more than 0`).max(100_000, `${what} is implausibly large`);
const eqfLevel = z
  .number()
  .int("EQF level must be a whole number")
  .min(1, "EQF level must be between 1 and 8")
  .max(8, "EQF level must be between 1 and 8");

const requirementBase = {
  id: slug("id"),
  label: text("label", 200).optional(),
  expectedHours: hoursField("expectedHours").optional(),
};
const electiveBase = {
  ...requirementBase,
  allowExpired: z.boolean().optional(),
  from: z.strictObject({ issuerName: text("from.issuerName").optional() }).optional(),
};

const matcherSchema = z.strictObject({
  achievementId: text("match.achievementId", 2048).optional(),
  issuerName: text("match.issuerName").optional(),
  title: text("match.title").optional(),
});
const skillSchema = z.strictObject({
  name: text("skill name"),
  framework: text("skill framework").optional(),
  code: text("skill code", 2048).optional(),
});

export const requirementSchema: z.ZodType<Requirement> = z.lazy(() =>
  z.discriminatedUnion(
    "type",
    [
      allOfSchema,
      anyOfSchema,
      credentialSchema,
      minHoursSchema,
      minEctsSchema,
      minEqfSchema,
      skillsSchema,
      pathwaySchema,
    ],
    {
      error: "type must be one of: all-of, any-of, credential, min-hours, min-ects, min-eqf, skills-covered, pathway",
    },
  ),
);
const children = z.array(requirementSchema).min(1, "is an empty group: add at least one requirement to it");
const allOfSchema = z.strictObject({ ...requirementBase, type: z.literal("all-of"), children });
const anyOfSchema = z.strictObject({
  ...requirementBase,
  type: z.literal("any-of"),
  count: z.number().int("count must be a whole number").min(1, "count must be at least 1"),
  children,
});
const credentialSchema = z.strictObject({
  ...requirementBase,
  type: z.literal("credential"),
  label: text("label", 200),
  match: matcherSchema,
  allowExpired: z.boolean().optional(),
});
const minHoursSchema = z.strictObject({ ...electiveBase, type: z.literal("min-hours"), hours: hoursField("hours") });
const minEctsSchema = z.strictObject({ ...electiveBase, type: z.literal("min-ects"), ects: hoursField("ects") });
const minEqfSchema = z.strictObject({
  ...electiveBase,
  type: z.literal("min-eqf"),
  level: eqfLevel,
  count: z
    .number()
    .int("count must be a whole number")
    .min(1, "count must be at least 1")
    .max(100, "count is implausibly large")
    .optional(),
});
const skillsSchema = z.strictObject({
  ...electiveBase,
  type: z.literal("skills-covered"),
  skills: z.array(skillSchema).min(1, "lists no skills").max(50, "lists more than 50 skills"),
});
const pathwaySchema = z.strictObject({ ...requirementBase, type: z.literal("pathway"), pathwayId: slug("pathwayId") });

export const pathwayDefinitionSchema: z.ZodType<PathwayDefinition> = z.strictObject({
  version: z.literal(PATHWAY_DEFINITION_VERSION, {
    error: `version must be ${PATHWAY_DEFINITION_VERSION} (the only pathway definition version this Tessera reads)`,
  }),
  id: slug("id"),
  title: text("title"),
  summary: text("summary", 2000),
  target: z.strictObject({
    title: text("target.title"),
    kind: z.enum(["micro-credential", "nano-degree", "certificate"], {
      error: "target.kind must be micro-credential, nano-degree or certificate",
    }),
    issuer: z.strictObject({
      name: text("target.issuer.name"),
      id: text("target.issuer.id", 2048).optional(),
      url: z.url({ protocol: /^https?$/, error: "target.issuer.url must be an http(s) URL" }).optional(),
    }),
    achievementId: text("target.achievementId", 2048).optional(),
    eu: z.strictObject({
      workload: z
        .strictObject({
          hours: hoursField("target.eu.workload.hours").optional(),
          ects: hoursField("target.eu.workload.ects").optional(),
        })
        .optional(),
      eqfLevel: eqfLevel.optional(),
      learningOutcomes: z.array(text("learning outcome", 1000)).max(50, "lists more than 50 learning outcomes"),
      assessmentType: text("target.eu.assessmentType", 500).optional(),
      qualityAssurance: text("target.eu.qualityAssurance", 500).optional(),
      participation: text("target.eu.participation", 200).optional(),
    }),
  }),
  requirements: requirementSchema,
});
