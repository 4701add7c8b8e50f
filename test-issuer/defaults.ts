/**
 * Realistic health-sector defaults for generated credentials, and the option types every
 * generator shares. Override any field per call; arrays replace rather than merge.
 */
import { createHash, randomUUID } from "node:crypto";

export interface SkillRef {
  name: string;
  /** ESCO concept URI. The defaults are ESCO-shaped illustrations, not looked up in ESCO. */
  uri: string;
  description?: string;
}

export interface AchievementDetails {
  id: string;
  name: string;
  description: string;
  criteria: string;
  /** OB 3.0 AchievementType, e.g. MicroCredential, Course, Certificate. */
  achievementType: string;
  humanCode: string;
  fieldOfStudy: string;
  language: string;
  tags: string[];
  hours: number;
  ects: number;
  eqfLevel: number;
  skills: SkillRef[];
  learningOutcomes: string[];
  assessment: string;
  participation: string;
  qualityAssurance: string;
  prerequisites: string;
  idVerification: string;
  grade: string;
}

export interface IssuerProfile {
  name: string;
  url: string;
  email: string;
  country: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** eIDAS / VAT-style legal identifier (also the seal certificate's organizationIdentifier). */
  legalIdentifier: string;
}

export type DateInput = Date | string;

/** Options every generator accepts. Dates default from `now`; ids default to fresh urn:uuids. */
export interface CommonOptions {
  now?: DateInput;
  id?: string;
  validFrom?: DateInput;
  validUntil?: DateInput;
  recipientEmail?: string;
  recipientName?: string;
  /** OB 3.0 `credentialSubject.id` (e.g. a did:key); omitted when not given. */
  recipientId?: string;
  /** Hash the email identifier (default true) with this salt (default fixed for reproducibility). */
  hashed?: boolean;
  salt?: string;
  achievement?: Partial<AchievementDetails>;
  issuerProfile?: Partial<IssuerProfile>;
  /** `credentialStatus` entries, e.g. from `statusList.entry(i)`. */
  status?: Record<string, unknown> | Array<Record<string, unknown>>;
}

export const DEFAULT_ISSUER_PROFILE: IssuerProfile = {
  name: "Northbridge School of Nursing",
  url: "https://northbridge-nursing.test",
  email: "credentials@northbridge-nursing.test",
  country: "Ireland",
  countryCode: "IE",
  legalIdentifier: "VATIE-9876543W",
};

export const DEFAULT_ACHIEVEMENT: AchievementDetails = {
  id: "https://northbridge-nursing.test/achievements/icd11-clinical-coding-fundamentals",
  name: "ICD-11 Clinical Coding Fundamentals",
  description:
    "Assigns ICD-11 codes to inpatient and outpatient episodes from clinical documentation, following WHO coding rules.",
  criteria:
    "Complete the 25-hour online module and pass a supervised coding assessment of 40 anonymised episodes with at least 80 % accuracy.",
  achievementType: "MicroCredential",
  humanCode: "NSN-ICD11-101",
  fieldOfStudy: "Health information management",
  language: "en",
  tags: ["ICD-11", "clinical coding", "health records"],
  hours: 25,
  ects: 1,
  eqfLevel: 5,
  skills: [
    { name: "clinical coding", uri: "http://data.europa.eu/esco/skill/6e0c6a1b-2f4d-4f3c-9a55-1c1d7d0c0a11" },
    { name: "maintain health records", uri: "http://data.europa.eu/esco/skill/8b7f3c2e-5a61-4d9e-b0c4-2e9f1a7d3b22" },
    { name: "medical terminology", uri: "http://data.europa.eu/esco/skill/3c9d1e4f-7b28-4a0d-8e6f-5d2c9b8a4c33" },
  ],
  learningOutcomes: [
    "Selects the correct ICD-11 stem and extension codes for a documented diagnosis.",
    "Applies WHO sequencing rules for principal and additional diagnoses.",
    "Recognises documentation gaps and raises a query with the clinician.",
  ],
  assessment: "Supervised online coding assessment",
  participation: "Online",
  qualityAssurance: "Programme accredited by the Nursing and Midwifery Board (fictitious)",
  prerequisites: "Registered nurse, or health records staff with one year of experience",
  idVerification: "Supervised with ID verification",
  grade: "Pass (86 %)",
};

export const DEFAULT_RECIPIENT = { email: "aoife.byrne@example.org", name: "Aoife Byrne", salt: "tessera-test-salt" };

export function toIso(value: DateInput): string {
  return (typeof value === "string" ? new Date(value) : value).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function resolveCommon(options: CommonOptions) {
  const now = toIso(options.now ?? new Date());
  return {
    now,
    id: options.id ?? `urn:uuid:${randomUUID()}`,
    validFrom: toIso(options.validFrom ?? now),
    validUntil: options.validUntil === undefined ? undefined : toIso(options.validUntil),
    recipient: {
      email: options.recipientEmail ?? DEFAULT_RECIPIENT.email,
      name: options.recipientName ?? DEFAULT_RECIPIENT.name,
      id: options.recipientId,
      hashed: options.hashed ?? true,
      salt: options.salt ?? DEFAULT_RECIPIENT.salt,
    },
    achievement: { ...DEFAULT_ACHIEVEMENT, ...options.achievement },
    issuer: { ...DEFAULT_ISSUER_PROFILE, ...options.issuerProfile },
    status: options.status === undefined ? [] : Array.isArray(options.status) ? options.status : [options.status],
  };
}

export type ResolvedOptions = ReturnType<typeof resolveCommon>;

/** OB 2.0 / OB 3.0 salted identity hash: `sha256$` + hex(sha256(value + salt)). */
export function saltedSha256(value: string, salt: string): string {
  return `sha256$${createHash("sha256")
    .update(value + salt)
    .digest("hex")}`;
}
