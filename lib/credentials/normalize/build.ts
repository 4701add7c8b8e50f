import type { Assessment, CredentialDates, NormalizedCredential, Recipient, SecuringMechanism } from "../record";
import { normalizeDate } from "./dates";
import type { RecordDraft } from "./draft";
import { euElementsOf, mandatoryElementsComplete } from "./eu-elements";
import { decideKind } from "./kind";
import { clean, cleanList, cleanParty, cleanStatus } from "./fields";
import { TEXT_LIMITS, cleanId, cleanLine, cleanUrl, lineOrUndefined, multilineOrUndefined } from "./text";
import { typologyFromHours } from "./typology";

const SECURING_LABEL: Record<SecuringMechanism, string> = {
  hosted: "Hosted",
  jws: "Signed",
  "data-integrity": "Data Integrity",
  "vc-jwt": "VC-JWT",
  "sd-jwt": "SD-JWT",
  jades: "JAdES seal",
  xades: "XAdES seal",
  none: "Unsigned",
};

/** The one place a draft becomes a NormalizedCredential: cleanup, fallbacks, typology, kind, EU elements. */
export function buildRecord(draft: RecordDraft): NormalizedCredential {
  const title = lineOrUndefined(draft.title, TEXT_LIMITS.title);
  const issuer = cleanParty(draft.issuer, "Issuer not named");
  const awardingBody = draft.awardingBody ? cleanParty(draft.awardingBody, "Awarding body not named") : undefined;
  const proofType = lineOrUndefined(draft.proofType, 200);
  const base = {
    format: draft.format,
    ...(draft.formatVersion ? { formatVersion: cleanLine(draft.formatVersion, 20) } : {}),
    securing: draft.securing,
    container: draft.container,
    ...(proofType ? { proofType } : {}),
    ...clean({
      credentialId: cleanId(draft.credentialId),
      achievementId: cleanId(draft.achievementId),
      achievementType: lineOrUndefined(draft.achievementType, 100),
      description: multilineOrUndefined(draft.description, TEXT_LIMITS.description),
      awardingBody: awardingBody?.party,
      image: imageOf(draft.image),
      criteria: criteriaOf(draft.criteria),
      assessment: assessmentOf(draft.assessment),
      participation: lineOrUndefined(draft.participation),
      prerequisites: multilineOrUndefined(draft.prerequisites, 2000),
      language: lineOrUndefined(draft.language, 35),
    }),
    title: title ?? cleanLine(draft.titleFallback, TEXT_LIMITS.title),
    issuer: issuer.party,
    recipient: recipientOf(draft.recipient),
    dates: datesOf(draft.dates),
    ...cleanList(draft),
    status: cleanStatus(draft.status),
    selfReported: false,
  };
  const workload = base.workload;
  const typology = typologyFromHours(workload.hours);
  const withTypology = { ...base, ...(typology ? { typology } : {}) };
  const euElements = euElementsOf(withTypology, {
    title: title === undefined,
    issuerName: issuer.invented,
    awardingBodyName: awardingBody?.invented ?? false,
  });
  const decision = decideKind({
    achievementType: withTypology.achievementType,
    structure: draft.structure,
    hasParts: withTypology.related.some((r) => r.relation === "has-part"),
    hours: workload.hours,
    ects: workload.ects,
    euMandatoryComplete: mandatoryElementsComplete(euElements),
  });
  const securing = SECURING_LABEL[draft.securing] + (proofType ? ` (${proofType})` : "");
  return {
    ...withTypology,
    formatLabel: `${cleanLine(draft.formatName, 100)} · ${securing}`,
    kind: decision.kind,
    kindReason: decision.reason,
    euElements,
  };
}

function datesOf(dates: RecordDraft["dates"]): CredentialDates {
  return clean({
    issued: normalizeDate(dates?.issued),
    validFrom: normalizeDate(dates?.validFrom),
    validUntil: normalizeDate(dates?.validUntil),
    awarded: normalizeDate(dates?.awarded),
  });
}

function recipientOf(recipient: RecordDraft["recipient"]): Recipient {
  const identifiers = (recipient?.identifiers ?? [])
    .map((i) =>
      clean({ type: i.type, value: cleanLine(i.value, 500), hashed: i.hashed, salt: lineOrUndefined(i.salt, 200) }),
    )
    .filter((i) => i.value !== "")
    .filter((i, n, all) => all.findIndex((j) => j.type === i.type && j.value === i.value) === n)
    .slice(0, 20);
  return clean({ name: lineOrUndefined(recipient?.name, TEXT_LIMITS.name), identifiers });
}

/** A remote image whose address is not a plain http(s) URL is no image at all. */
function imageOf(image: RecordDraft["image"]): NormalizedCredential["image"] {
  if (!image) return undefined;
  const url = cleanUrl(image.url);
  return image.origin === "remote-url" && !url ? undefined : clean({ ...image, url });
}

function criteriaOf(criteria: RecordDraft["criteria"]): NormalizedCredential["criteria"] {
  const value = clean({
    narrative: multilineOrUndefined(criteria?.narrative, TEXT_LIMITS.narrative),
    url: cleanUrl(criteria?.url),
  });
  return Object.keys(value).length > 0 ? value : undefined;
}

function assessmentOf(a: Assessment | undefined): Assessment | undefined {
  if (!a) return undefined;
  const value = clean({
    type: lineOrUndefined(a.type),
    description: multilineOrUndefined(a.description, 2000),
    grade: lineOrUndefined(a.grade, 200),
    supervision: lineOrUndefined(a.supervision),
    identityVerified: lineOrUndefined(a.identityVerified),
  });
  return Object.keys(value).length > 0 ? value : undefined;
}

export type { RecordDraft };
