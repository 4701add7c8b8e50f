import type { RecordDraft } from "../normalize/draft";
import { NotACredentialError } from "./errors";
import { finish } from "./finish";
import { firstRecord, isRecord, str, text, typesOf, type Json } from "./json";
import { subjectRecipient } from "./ob3";
import type { Env, InterpretedCredential } from "./types";
import { evidenceList, imageOf, profileParty, requireVcStructure, securingOf, statusRefs, vcDates } from "./vc-common";

/** "EmploymentAuthorizationDocumentCredential" → "Employment Authorization Document Credential". */
export function typeTitle(types: string[]): string | undefined {
  const type = types.find((t) => t !== "VerifiableCredential" && /^[A-Za-z][A-Za-z0-9]*$/.test(t));
  return type?.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
}

/** A name given somewhere in the subject: DCC `hasCredential`, the W3C `degree` example, an OB-style `achievement`. */
function subjectTitle(subject: Json): string | undefined {
  for (const key of ["hasCredential", "achievement", "degree", "credential"]) {
    const node = firstRecord(subject[key]);
    const name = node ? text(node.name) : undefined;
    if (name) return name;
  }
  return undefined;
}

/**
 * Any other W3C Verifiable Credential (1.1 or 2.0). There is no achievement model, so the title
 * comes from `name`, then the subject, then the credential type; the kind rules usually fall back
 * to "badge" because nothing states a workload.
 */
export async function interpretVc(value: Json, env: Env): Promise<InterpretedCredential> {
  const version = requireVcStructure(value, "credential");
  const subject = firstRecord(value.credentialSubject) ?? {};
  // Shaped like an Open Badge but not typed as one: reading it as a generic VC would hide that.
  if (isRecord(subject.achievement) || typesOf(subject).includes("AchievementSubject")) {
    throw new NotACredentialError(
      "unsupported_format",
      "This looks like an Open Badge 3.0, but its type does not say OpenBadgeCredential or AchievementCredential, so Tessera cannot read it safely.",
    );
  }
  const recipient = subjectRecipient(subject);
  const given = [text(subject.givenName), text(subject.familyName)].filter(Boolean).join(" ");
  const draft: RecordDraft = {
    format: "vc",
    formatVersion: version,
    formatName: `W3C Verifiable Credential ${version}`,
    ...securingOf(value, env),
    container: env.container,
    title: text(value.name) ?? subjectTitle(subject),
    titleFallback: typeTitle(typesOf(value)) ?? "Verifiable credential",
    description: text(value.description) ?? text(subject.description),
    credentialId: str(value.id),
    issuer: profileParty(value.issuer),
    recipient: { ...recipient, name: recipient.name ?? (given || undefined) },
    dates: vcDates(value),
    image: imageOf(env, value.image),
    evidence: evidenceList(value.evidence),
    status: statusRefs(value.credentialStatus),
  };
  return { record: finish(draft, env), payload: value, children: [] };
}
