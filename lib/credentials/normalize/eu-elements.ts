import { EU_ELEMENTS, type EuElementKey, type NormalizedCredential } from "../record";

type Presence = Omit<NormalizedCredential, "euElements" | "kind" | "kindReason" | "formatLabel">;

/**
 * Which Annex I elements (Council Recommendation 2022/C 243/02) a record carries. Presence only:
 * whether the value is right is the reader's call. Deliberate choices (ADR 0009):
 * - a fallback title or issuer name (made up by Tessera) does not count;
 * - learning outcomes need listed outcomes or skill alignments: a criteria narrative says how
 *   the award was earned, not what the learner can do;
 * - workload needs hours or ECTS; level needs an EQF level or a national framework level.
 */
export interface Invented {
  title: boolean;
  issuerName: boolean;
  awardingBodyName: boolean;
}

export function euElementsOf(record: Presence, invented: Invented): Record<EuElementKey, boolean> {
  const a = record.assessment;
  const present: Record<EuElementKey, boolean> = {
    learner: Boolean(record.recipient.name) || record.recipient.identifiers.length > 0,
    title: !invented.title,
    country: Boolean(record.awardingBody?.country ?? record.issuer.country),
    awardingBody: record.awardingBody ? !invented.awardingBodyName : !invented.issuerName,
    dateOfIssue: Boolean(record.dates.issued ?? record.dates.validFrom ?? record.dates.awarded),
    learningOutcomes: record.learningOutcomes.length > 0 || record.skills.length > 0,
    workload: record.workload.hours !== undefined || record.workload.ects !== undefined,
    level: record.level.eqf !== undefined || Boolean(record.level.nqf),
    assessmentType: Boolean(a?.type),
    participation: Boolean(record.participation),
    qualityAssurance: record.qualityAssurance.length > 0,
    prerequisites: Boolean(record.prerequisites),
    identityVerification: Boolean(a?.supervision ?? a?.identityVerified),
    grade: Boolean(a?.grade),
    stackability: record.related.length > 0,
    furtherInformation: Boolean(record.description) || record.tags.length > 0 || record.evidence.length > 0,
  };
  return present;
}

export function mandatoryElementsComplete(elements: Record<EuElementKey, boolean>): boolean {
  return EU_ELEMENTS.every((e) => !e.mandatory || elements[e.key]);
}

/** "9/11": how many mandatory elements are present, for messages and tests. */
export function mandatoryCount(elements: Record<EuElementKey, boolean>): { present: number; total: number } {
  const mandatory = EU_ELEMENTS.filter((e) => e.mandatory);
  return { present: mandatory.filter((e) => elements[e.key]).length, total: mandatory.length };
}
