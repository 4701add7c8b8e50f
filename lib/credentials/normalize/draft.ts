import type {
  Assessment,
  CredentialContainer,
  CredentialFormat,
  CredentialStatusRef,
  Endorsement,
  Evidence,
  ImageRef,
  LearningOutcome,
  Level,
  RecipientIdentifier,
  RelatedAchievement,
  SecuringMechanism,
  Skill,
  Workload,
} from "../record";

/** An organisation or person as a format found it; cleaned and given a fallback name by buildRecord. */
export interface PartyDraft {
  id?: string;
  name?: string;
  url?: string;
  email?: string;
  imageRef?: string;
  country?: string;
  legalIdentifier?: string;
}

/**
 * What a format interpreter extracts: raw strings as found (language maps already picked),
 * uncleaned. buildRecord cleans every field the same way, so no format can forget to.
 */
export interface RecordDraft {
  format: CredentialFormat;
  formatVersion?: string;
  /** "Open Badges 3.0", "European Digital Credential (ELM 3)": the first half of formatLabel. */
  formatName: string;
  securing: SecuringMechanism;
  proofType?: string;
  container: CredentialContainer;
  title?: string;
  /** Shown when the credential has no usable title ("Open Badge", "Verifiable credential"). */
  titleFallback: string;
  description?: string;
  credentialId?: string;
  achievementId?: string;
  achievementType?: string;
  issuer: PartyDraft;
  awardingBody?: PartyDraft;
  recipient?: { name?: string; identifiers?: RecipientIdentifier[] };
  dates?: { issued?: unknown; validFrom?: unknown; validUntil?: unknown; awarded?: unknown };
  image?: ImageRef;
  criteria?: { narrative?: string; url?: string };
  learningOutcomes?: LearningOutcome[];
  skills?: Skill[];
  workload?: Workload;
  level?: Level;
  assessment?: Assessment;
  participation?: string;
  prerequisites?: string;
  qualityAssurance?: string[];
  evidence?: Evidence[];
  endorsements?: Endorsement[];
  related?: RelatedAchievement[];
  status?: CredentialStatusRef[];
  tags?: string[];
  language?: string;
  /** Envelopes and containers the kind rules treat specially. */
  structure?: "clr" | "presentation" | "endorsement";
}
