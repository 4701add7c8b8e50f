import type { RecordDraft } from "../normalize/draft";
import type { RecipientIdentifier } from "../record";
import { NotACredentialError } from "./errors";
import { finish } from "./finish";
import { identityObjects, subjectId } from "./identity";
import { firstRecord, hasType, isRecord, str, text, type Json } from "./json";
import { achievementDraft } from "./ob3-achievement";
import { ob3Endorsements } from "./ob3-endorsements";
import type { Env, InterpretedCredential } from "./types";
import { evidenceList, imageOf, profileParty, requireVcStructure, securingOf, statusRefs, vcDates } from "./vc-common";

export function subjectRecipient(subject: Json): { name?: string; identifiers: RecipientIdentifier[] } {
  const id = subjectId(subject.id);
  return { name: text(subject.name), identifiers: [...(id ? [id] : []), ...identityObjects(subject.identifier)] };
}

/**
 * OB 3.0 OpenBadgeCredential / AchievementCredential (VC 1.1 or 2.0, JSON-LD or the credential
 * out of a VC-JWT), and EndorsementCredential. The title is the achievement's name: Credly puts
 * the earner's name in the credential-level `name` (digitalcredentials/verifier-plus #156).
 */
export async function interpretOb3(value: Json, env: Env): Promise<InterpretedCredential> {
  const version = requireVcStructure(value, "Open Badge");
  const subject = firstRecord(value.credentialSubject) ?? {};
  const endorsement =
    hasType(value, "EndorsementCredential") && !hasType(value, "OpenBadgeCredential", "AchievementCredential");
  const achievement = firstRecord(subject.achievement);
  if (!endorsement && !achievement) {
    throw new NotACredentialError(
      "missing_required_field",
      "This Open Badge does not say what was achieved (it has no achievement).",
    );
  }
  const parts = achievement ? achievementDraft(achievement, subject) : {};
  const draft: RecordDraft = {
    format: "ob3",
    formatVersion: "3.0",
    formatName: version === "1.1" ? "Open Badges 3.0 (VC 1.1)" : "Open Badges 3.0",
    ...securingOf(value, env),
    container: env.container,
    ...parts,
    title: endorsement ? text(value.name) : (text(achievement?.name) ?? text(value.name)),
    titleFallback: endorsement ? "Endorsement" : "Open Badge",
    description:
      (endorsement ? text(subject.endorsementComment) : text(achievement?.description)) ?? text(value.description),
    credentialId: str(value.id),
    issuer: profileParty(value.issuer),
    awardingBody: isRecord(subject.source) ? profileParty(subject.source) : undefined,
    // An endorsement's subject is the organisation or achievement it vouches for, not a person.
    recipient: endorsement ? undefined : subjectRecipient(subject),
    dates: vcDates(value),
    image: imageOf(env, value.image, achievement?.image),
    evidence: evidenceList(value.evidence),
    endorsements: ob3Endorsements(value, achievement, value.issuer),
    status: statusRefs(value.credentialStatus),
    structure: endorsement ? "endorsement" : undefined,
  };
  return { record: finish(draft, env), payload: value, children: [] };
}
