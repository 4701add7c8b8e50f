/**
 * The normalized credential record: one shape for every format Tessera imports, derived from
 * (and stored beside) the original bytes, which are never altered. Pure data, no I/O.
 * Dates are ISO 8601 strings as found (normalized to full ISO when parseable).
 */

/** The family a credential belongs to, whatever envelope it arrived in. */
export type CredentialFormat = "ob2" | "ob3" | "clr2" | "vc" | "edc" | "sd-jwt-vc" | "self-reported";

/** How the credential is secured: what verification will have to check. */
export type SecuringMechanism =
  | "hosted" // OB 2.0 hosted assertion: refetch from its id
  | "jws" // OB 2.0 signed assertion (compact JWS)
  | "data-integrity" // embedded `proof` (eddsa-rdfc-2022, Ed25519Signature2020, ecdsa-rdfc-2019, …)
  | "vc-jwt" // VC-JWT / VC-JOSE compact JWS
  | "sd-jwt" // SD-JWT VC: issuer-signed JWT plus the disclosures the holder presents
  | "jades" // EDC JAdES JWS JSON seal
  | "xades" // EDCI XML enveloped signature
  | "none"; // unsigned, or self-reported

/** The wrapper the bytes came in. */
export type CredentialContainer = "json" | "jwt" | "png" | "svg" | "xml" | "url" | "form";

export type CredentialKind = "badge" | "micro-credential" | "nano-degree";

export const KIND_LABELS: Record<CredentialKind, string> = {
  badge: "Badge",
  "micro-credential": "Micro-credential",
  "nano-degree": "Nano-degree or certificate",
};

/** EU typology by notional workload (issue 3): skill credential ≈4–12 h, module 25–150 h, short programme 150–1,500 h. */
export type Typology = "skill-credential" | "module" | "short-programme";

export interface Party {
  id?: string;
  name: string;
  url?: string;
  email?: string;
  /** https URL or data: URI of the issuer's image, as found; never rendered directly. */
  imageRef?: string;
  /** ISO 3166 country code or name as given. */
  country?: string;
  /** Legal identifier (eIDAS, registration number) where the format carries one. */
  legalIdentifier?: string;
}

export type RecipientIdentifierType =
  "email" | "email-sha256" | "did" | "url" | "uuid" | "national-id" | "student-id" | "name" | "other";

export interface RecipientIdentifier {
  type: RecipientIdentifierType;
  value: string;
  hashed?: boolean;
  salt?: string;
}

export interface Recipient {
  name?: string;
  identifiers: RecipientIdentifier[];
}

export interface CredentialDates {
  issued?: string;
  validFrom?: string;
  validUntil?: string;
  awarded?: string;
}

export interface LearningOutcome {
  title: string;
  description?: string;
  framework?: string;
  url?: string;
}

/** A skill or any alignment to a framework (ESCO, O*NET, EQF-aligned competences, …). */
export interface Skill {
  name: string;
  framework?: string;
  code?: string;
  url?: string;
}

export interface Workload {
  hours?: number;
  ects?: number;
  /**
   * A credit figure stated without a unit (OB 3.0 `creditsAvailable`, else `creditsEarned`): never
   * counted as hours or ECTS until the holder says what unit it is (lib/holder-workload).
   */
  credits?: number;
  /** Where the figure came from, e.g. "ELM volumeOfLearning PT25H" or "OB 3.0 creditsAvailable". */
  source?: string;
}

export interface Level {
  eqf?: number;
  nqf?: string;
  framework?: string;
}

export interface Assessment {
  type?: string;
  description?: string;
  grade?: string;
  supervision?: string;
  identityVerified?: string;
}

export interface Evidence {
  name?: string;
  description?: string;
  narrative?: string;
  url?: string;
}

export interface Endorsement {
  issuerName?: string;
  issuerId?: string;
  comment?: string;
  date?: string;
}

export type RelationType = "part-of" | "has-part" | "child-of" | "parent-of" | "precedes" | "related";

/** A stacking link carried by the credential itself (OB 3.0 related/alignment, CLR association, ELM isPartOf/hasPart). */
export interface RelatedAchievement {
  relation: RelationType;
  targetId?: string;
  title?: string;
}

export interface CredentialStatusRef {
  type: string;
  id?: string;
  statusListCredential?: string;
  statusListIndex?: string;
  statusPurpose?: string;
}

export interface ImageRef {
  /** Where the image was found. Imported images are shown only as our own sanitized raster. */
  origin: "baked-file" | "embedded-data-uri" | "remote-url";
  mediaType?: string;
  url?: string;
}

/** The Council Recommendation 2022/C 243/02 Annex I elements (M = mandatory, O = optional). */
export const EU_ELEMENTS = [
  { key: "learner", label: "Identification of the learner", mandatory: true },
  { key: "title", label: "Title of the micro-credential", mandatory: true },
  { key: "country", label: "Country or region of the issuer", mandatory: true },
  { key: "awardingBody", label: "Awarding body", mandatory: true },
  { key: "dateOfIssue", label: "Date of issuing", mandatory: true },
  { key: "learningOutcomes", label: "Learning outcomes", mandatory: true },
  { key: "workload", label: "Notional workload (ECTS where possible)", mandatory: true },
  { key: "level", label: "Level (EQF or other framework)", mandatory: true },
  { key: "assessmentType", label: "Type of assessment", mandatory: true },
  { key: "participation", label: "Form of participation", mandatory: true },
  { key: "qualityAssurance", label: "Type of quality assurance", mandatory: true },
  { key: "prerequisites", label: "Prerequisites needed to enrol", mandatory: false },
  { key: "identityVerification", label: "Supervision and identity verification during assessment", mandatory: false },
  { key: "grade", label: "Grade achieved", mandatory: false },
  { key: "stackability", label: "Integration and stackability options", mandatory: false },
  { key: "furtherInformation", label: "Further information", mandatory: false },
] as const;

export type EuElementKey = (typeof EU_ELEMENTS)[number]["key"];

export interface NormalizedCredential {
  format: CredentialFormat;
  /** e.g. "2.0", "1.0", "3.0", "2.0" (VC), "ELM 3", "EDCI 1". */
  formatVersion?: string;
  securing: SecuringMechanism;
  container: CredentialContainer;
  /** Human label, e.g. "Open Badges 3.0 · Data Integrity (eddsa-rdfc-2022)". */
  formatLabel: string;
  /** Proof/signature algorithm or cryptosuite when known: "eddsa-rdfc-2022", "Ed25519Signature2020", "EdDSA", "RS256", … */
  proofType?: string;
  kind: CredentialKind;
  /** The documented rule that decided the kind, in words. */
  kindReason: string;
  credentialId?: string;
  achievementId?: string;
  achievementType?: string;
  title: string;
  description?: string;
  issuer: Party;
  awardingBody?: Party;
  recipient: Recipient;
  dates: CredentialDates;
  image?: ImageRef;
  criteria?: { narrative?: string; url?: string };
  learningOutcomes: LearningOutcome[];
  skills: Skill[];
  workload: Workload;
  level: Level;
  typology?: Typology;
  assessment?: Assessment;
  participation?: string;
  prerequisites?: string;
  qualityAssurance: string[];
  evidence: Evidence[];
  endorsements: Endorsement[];
  related: RelatedAchievement[];
  status: CredentialStatusRef[];
  tags: string[];
  language?: string;
  /** Which EU micro-credential elements this record carries. */
  euElements: Record<EuElementKey, boolean>;
  /** Self-reported entries are never presented as verified. */
  selfReported: boolean;
}
