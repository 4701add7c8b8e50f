import type { RecordDraft } from "../normalize/draft";
import {
  assessmentOf,
  levelOf,
  outcomesAndSkills,
  participationOf,
  qualityAssuranceOf,
  relatedOf,
  workloadOf,
} from "./edc-parts";
import { authorityCode, conceptLabel, noteText, organisationParty, personRecipient } from "./elm";
import { finish } from "./finish";
import { firstRecord, hasType, idOf, records, str, strings, text, typesOf, type Json } from "./json";
import type { Env, InterpretedCredential } from "./types";
import { requireVcStructure, securingOf, statusRefs } from "./vc-common";

/** The claim the credential is about: the first LearningAchievement, else the first claim of any kind. */
function mainClaim(subject: Json): Json {
  const claims = records(subject.hasClaim);
  return claims.find((c) => hasType(c, "LearningAchievement")) ?? claims[0] ?? {};
}

/**
 * EDC / ELM 3 `EuropeanDigitalCredential` as JSON-LD (unsigned, or the payload of a JAdES seal).
 * Paths follow docs/formats/edc.md#micro-credential-elements: LA = credentialSubject.hasClaim (LearningAchievement),
 * Q = LA.specifiedBy (Qualification / learning achievement specification).
 */
export async function interpretEdc(value: Json, env: Env): Promise<InterpretedCredential> {
  requireVcStructure(value, "European Digital Credential");
  const subject = firstRecord(value.credentialSubject) ?? {};
  const la = mainClaim(subject);
  const q = firstRecord(la.specifiedBy) ?? {};
  const awarding = firstRecord(la.awardedBy);
  const body = firstRecord(awarding?.awardingBody);
  const display = firstRecord(value.displayParameter);
  const evidence = records(value.evidence).map((e) => ({
    name: conceptLabel(e.dcType) ?? text(e.name),
    description: text(e.evidenceStatement),
  }));
  const draft: RecordDraft = {
    format: "edc",
    formatVersion: "ELM 3",
    formatName: "European Digital Credential (ELM 3)",
    ...securingOf(value, env),
    container: env.container,
    title: text(la.title) ?? text(q.title) ?? text(display?.title) ?? text(value.title),
    titleFallback: "European Digital Credential",
    description: text(la.description) ?? text(q.description) ?? text(value.description),
    credentialId: str(value.id),
    achievementId: idOf(q) ?? idOf(la),
    achievementType: conceptLabel(q.dcType) ?? typesOf(q)[0],
    issuer: organisationParty(value.issuer),
    awardingBody: body ? organisationParty(body) : undefined,
    recipient: personRecipient(subject),
    dates: {
      issued: value.issued ?? value.issuanceDate,
      validFrom: value.validFrom,
      validUntil: value.validUntil ?? value.expirationDate,
      awarded: awarding?.awardingDate,
    },
    ...outcomesAndSkills(q),
    workload: workloadOf(q),
    level: levelOf(q),
    assessment: assessmentOf(la),
    participation: participationOf(q, la),
    prerequisites: noteText(q.entryRequirement),
    qualityAssurance: qualityAssuranceOf(q, body, value.issuer),
    evidence,
    related: relatedOf(la, q),
    // MyNextID puts StatusList2021Entry items in a top-level `status`, a vendor convention
    // (docs/formats/status-lists.md#edc-status-array).
    status: statusRefs(value.credentialStatus, value.status),
    tags: records(q.thematicArea)
      .map(conceptLabel)
      .filter((t): t is string => t !== undefined)
      .concat(strings(q.keyword)),
    language: authorityCode(idOf(q.language) ?? idOf(display?.primaryLanguage))?.toLowerCase(),
  };
  return { record: finish(draft, env), payload: value, children: [] };
}
