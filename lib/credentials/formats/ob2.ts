import type { RecordDraft } from "../normalize/draft";
import type { CredentialStatusRef, Evidence, SecuringMechanism } from "../record";
import { readAlignments } from "./alignment";
import { finish } from "./finish";
import { ob2Recipient } from "./identity";
import { contextsOf, idOf, isRecord, str, strings, text, type Json } from "./json";
import { linkedDocument, ob2Endorsements, ob2Party, type LinkedStore } from "./ob2-linked";
import type { Env, InterpretedCredential } from "./types";
import { evidenceList, imageOf } from "./vc-common";
import { NotACredentialError } from "./errors";

/**
 * Securing of an OB 2.0/1.x assertion. "signed" is only true when we hold the JWS: a signed
 * assertion's JSON on its own (say, pasted) has nothing left to verify, so it counts as unsigned.
 */
export function ob2Securing(assertion: Json, env: Env): { securing: SecuringMechanism; proofType?: string } {
  if (env.envelope) return { securing: "jws", proofType: env.envelope.alg };
  const verification = isRecord(assertion.verification)
    ? assertion.verification
    : isRecord(assertion.verify)
      ? assertion.verify
      : {};
  // "hosted", Badgr's "HostedBadge", or the full IRI; a missing type on a web-hosted id counts too.
  const type = str(verification.type) ?? "";
  const onWeb = /^https?:\/\//i.test(str(verification.url) ?? str(assertion.id) ?? "");
  return { securing: onWeb && (type === "" || /(?:^|[#/:])hosted(?:badge)?$/i.test(type)) ? "hosted" : "none" };
}

export interface Ob2Parts {
  badge: Json;
  issuer: Json;
  store: LinkedStore;
}

/** The badge and its issuer, embedded or fetched; shared by OB 2.0 and OB 1.0. */
export async function ob2BadgeAndIssuer(assertion: Json, env: Env): Promise<Ob2Parts> {
  if (assertion.badge === undefined || assertion.badge === null) {
    throw new NotACredentialError("missing_required_field", "This badge assertion does not say which badge it awards.");
  }
  const store: LinkedStore = {};
  const badge = await linkedDocument(assertion.badge, "badge description", env, store);
  const issuer = await linkedDocument(badge.issuer, "issuer profile", env, store);
  return { badge, issuer, store };
}

/** The parts of an OB 2.0 / 1.0 badge that live on the BadgeClass. */
export function badgeClassDraft(badge: Json) {
  const alignment = readAlignments(badge.alignment);
  const criteria = badge.criteria;
  return {
    title: text(badge.name),
    description: text(badge.description),
    achievementId: idOf(badge),
    criteria: isRecord(criteria)
      ? { narrative: text(criteria.narrative), url: idOf(criteria) }
      : { url: str(criteria) },
    skills: alignment.skills,
    level: alignment.eqf !== undefined ? { eqf: alignment.eqf, framework: "EQF" } : undefined,
    qualityAssurance: alignment.qualityAssurance,
    tags: strings(badge.tags),
  };
}

export function ob2Evidence(assertion: Json): Evidence[] {
  const narrative = text(assertion.narrative);
  return [...evidenceList(assertion.evidence), ...(narrative ? [{ name: "Narrative", narrative }] : [])];
}

export function ob2Status(issuer: Json): CredentialStatusRef[] {
  const list = idOf(issuer.revocationList);
  return list ? [{ type: "RevocationList", id: list }] : [];
}

/** OB 2.0 Assertion (hosted JSON, or the payload of a signed compact JWS). */
export async function interpretOb2(assertion: Json, env: Env): Promise<InterpretedCredential> {
  // OB 1.1 has the v1 context and `verify`; the v2 context aliases `verify` to `verification`.
  const version = contextsOf(assertion).some((c) => /openbadges\/v1/i.test(c)) ? "1.1" : "2.0";
  const { badge, issuer, store } = await ob2BadgeAndIssuer(assertion, env);
  const endorsements = await ob2Endorsements(
    [assertion.endorsement, badge.endorsement, issuer.endorsement],
    env,
    store,
  );
  const draft: RecordDraft = {
    format: "ob2",
    formatVersion: version,
    formatName: `Open Badges ${version}`,
    ...ob2Securing(assertion, env),
    container: env.container,
    titleFallback: "Open Badge",
    ...badgeClassDraft(badge),
    credentialId: idOf(assertion),
    issuer: ob2Party(issuer),
    recipient: { identifiers: ob2Recipient(assertion.recipient) },
    dates: { issued: assertion.issuedOn, validUntil: assertion.expires },
    image: imageOf(env, assertion.image, badge.image),
    evidence: ob2Evidence(assertion),
    endorsements,
    status: ob2Status(issuer),
    language: str(assertion["@language"]) ?? str(badge["@language"]),
  };
  return {
    record: finish(draft, env),
    payload: assertion,
    linked: Object.keys(store).length > 0 ? store : undefined,
    children: [],
  };
}
