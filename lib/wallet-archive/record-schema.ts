import { z } from "zod";
import { EU_ELEMENTS } from "@/lib/credentials/record";

/**
 * The normalized record as an archive may carry it. Strict at the top (an unknown field is a
 * sign the archive was not made by Tessera format 1); nested parts are checked for the fields the
 * app reads and may carry extra optional detail.
 */
const text = z.string().max(100_000);
const optionalText = text.optional();

const party = z.looseObject({
  name: text,
  id: optionalText,
  url: optionalText,
  email: optionalText,
  country: optionalText,
});
const namedList = <T extends z.ZodRawShape>(shape: T) => z.array(z.looseObject(shape)).max(10_000);

export const recordSchema = z
  .object({
    format: z.enum(["ob2", "ob3", "clr2", "vc", "edc", "sd-jwt-vc", "self-reported"]),
    formatVersion: optionalText,
    securing: z.enum(["hosted", "jws", "data-integrity", "vc-jwt", "sd-jwt", "jades", "xades", "none"]),
    container: z.enum(["json", "jwt", "png", "svg", "xml", "url", "form"]),
    formatLabel: text,
    proofType: optionalText,
    kind: z.enum(["badge", "micro-credential", "nano-degree"]),
    kindReason: text,
    credentialId: optionalText,
    achievementId: optionalText,
    achievementType: optionalText,
    title: text,
    description: optionalText,
    issuer: party,
    awardingBody: party.optional(),
    recipient: z.looseObject({ name: optionalText, identifiers: namedList({ type: text, value: text }) }),
    dates: z.looseObject({
      issued: optionalText,
      validFrom: optionalText,
      validUntil: optionalText,
      awarded: optionalText,
    }),
    image: z.looseObject({ origin: z.enum(["baked-file", "embedded-data-uri", "remote-url"]) }).optional(),
    criteria: z.looseObject({ narrative: optionalText, url: optionalText }).optional(),
    learningOutcomes: namedList({ title: text }),
    skills: namedList({ name: text }),
    workload: z.looseObject({
      hours: z.number().finite().optional(),
      ects: z.number().finite().optional(),
      credits: z.number().finite().optional(),
      source: optionalText,
    }),
    level: z.looseObject({ eqf: z.number().int().optional(), nqf: optionalText, framework: optionalText }),
    typology: z.enum(["skill-credential", "module", "short-programme"]).optional(),
    assessment: z.looseObject({}).optional(),
    participation: optionalText,
    prerequisites: optionalText,
    qualityAssurance: z.array(text).max(1_000),
    evidence: namedList({}),
    endorsements: namedList({}),
    related: namedList({ relation: z.enum(["part-of", "has-part", "child-of", "parent-of", "precedes", "related"]) }),
    status: namedList({ type: text }),
    tags: z.array(text).max(1_000),
    language: optionalText,
    euElements: z.object(Object.fromEntries(EU_ELEMENTS.map((e) => [e.key, z.boolean()]))).strict(),
    selfReported: z.boolean(),
  })
  .strict();

const check = z.looseObject({
  id: z.enum(["proof", "issuer", "validity", "status", "recipient"]),
  status: z.enum(["passed", "failed", "unknown"]),
  reason: text,
  details: z.record(z.string(), z.string()).optional(),
});

export const verdictSchema = z.enum(["verified", "not-verified", "unknown"]);

export const verificationSchema = z
  .object({
    verdict: verdictSchema,
    checks: z.array(check).max(20),
    checkedAt: z.string().max(40),
    proofFromCache: z.boolean(),
  })
  .strict();

export const signedSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("compact-jws"), token: z.string() }).strict(),
  z.object({ kind: z.literal("jades"), jws: z.unknown() }).strict(),
  z.object({ kind: z.literal("sd-jwt"), token: z.string() }).strict(),
]);
