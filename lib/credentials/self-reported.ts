import { z } from "zod";
import type { InterpretedCredential } from "./formats";
import { euElementsOf } from "./normalize/eu-elements";
import { decideKind } from "./normalize/kind";
import { cleanLine, cleanMultiline } from "./normalize/text";
import { typologyFromHours } from "./normalize/typology";
import type { NormalizedCredential } from "./record";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2026-03-14.");

/** The form a holder fills in for a paper or PDF certificate (never presented as verified). */
export const selfReportedSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "Enter the certificate's title.")
      .max(300, "The title can be at most 300 characters."),
    issuer: z.string().trim().min(1, "Enter who issued it.").max(200, "The issuer can be at most 200 characters."),
    issuedOn: isoDay,
    hours: z
      .union([
        z.literal(""),
        z.coerce
          .number()
          .min(0, "Hours cannot be negative.")
          .max(10_000, "That is more hours than a certificate can carry."),
      ])
      .optional()
      .transform((v) => (v === "" || v === undefined ? undefined : v)),
    validUntil: z
      .union([z.literal(""), isoDay])
      .optional()
      .transform((v) => (v ? v : undefined)),
    notes: z
      .string()
      .max(2000, "Notes can be at most 2,000 characters.")
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined)),
  })
  .strict()
  .superRefine((value, ctx) => {
    const today = new Date().toISOString().slice(0, 10);
    if (value.issuedOn > today)
      ctx.addIssue({ code: "custom", path: ["issuedOn"], message: "The completion date cannot be in the future." });
    if (value.validUntil && value.validUntil <= value.issuedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: "The expiry date must be after the completion date.",
      });
    }
  });

export interface SelfReportedInput {
  title: string;
  issuer: string;
  issuedOn: string;
  hours?: number;
  validUntil?: string;
  notes?: string;
}

export function buildSelfReportedCredential(
  input: SelfReportedInput,
  holder: { name: string | null; email: string },
  entryId: string,
): InterpretedCredential {
  const title = cleanLine(input.title);
  const base: Omit<NormalizedCredential, "euElements" | "kind" | "kindReason" | "formatLabel"> = {
    format: "self-reported",
    securing: "none",
    container: "form",
    credentialId: `urn:tessera:self-reported:${entryId}`,
    title,
    description: input.notes ? cleanMultiline(input.notes) : undefined,
    issuer: { name: cleanLine(input.issuer) },
    recipient: { name: holder.name ?? undefined, identifiers: [{ type: "email", value: holder.email }] },
    dates: {
      issued: `${input.issuedOn}T00:00:00Z`,
      validUntil: input.validUntil ? `${input.validUntil}T23:59:59Z` : undefined,
    },
    learningOutcomes: [],
    skills: [],
    workload: input.hours !== undefined ? { hours: input.hours, source: "entered by the holder" } : {},
    level: {},
    typology: typologyFromHours(input.hours),
    qualityAssurance: [],
    evidence: [],
    endorsements: [],
    related: [],
    status: [],
    tags: [],
    selfReported: true,
  };
  const kind = decideKind({ hours: input.hours });
  const record: NormalizedCredential = {
    ...base,
    kind: kind.kind,
    kindReason: kind.reason,
    formatLabel: "Self-reported certificate (not verified)",
    euElements: euElementsOf(base, { title: false, issuerName: false, awardingBodyName: false }),
  };
  // The payload is what the holder typed: it is the "original" of a self-reported entry.
  return { record, payload: { type: "SelfReportedCertificate", entryId, ...input }, children: [] };
}
