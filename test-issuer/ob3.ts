/**
 * Open Badges 3.0 OpenBadgeCredentials (docs/formats/ob3.md): VC 2.0 + OB 3.0.3 with a Data
 * Integrity proof, or VC 1.1 + OB 3.0.3 + ed25519-2020 with Ed25519Signature2020.
 */
import { OB_V3P0_CONTEXT_303 } from "@/lib/verification/contexts";
import {
  resolveCommon,
  saltedSha256,
  type AchievementDetails,
  type CommonOptions,
  type IssuerProfile,
  type ResolvedOptions,
} from "./defaults";
import type { TestIssuer } from "./keys";
import { ED25519_2020_CONTEXT, VC_V1, VC_V2, signCredential, type ProofKind, type SignedCredential } from "./sign";

export type VcVersion = 1 | 2;

const STATUS_CONTEXTS: Record<string, Partial<Record<VcVersion, string>>> = {
  StatusList2021Entry: { 1: "https://w3id.org/vc/status-list/2021/v1", 2: "https://w3id.org/vc/status-list/2021/v1" },
  BitstringStatusListEntry: { 1: "https://www.w3.org/ns/credentials/status/v1" },
};

/** Contexts a status entry needs beyond the base (an undefined status type fails safe mode). */
export function statusContexts(status: ReadonlyArray<Record<string, unknown>>, version: VcVersion): string[] {
  const urls = status.map((entry) => STATUS_CONTEXTS[String(entry.type)]?.[version]).filter((u): u is string => !!u);
  return [...new Set(urls)];
}

export function buildProfile(did: string, profile: IssuerProfile): Record<string, unknown> {
  return {
    id: did,
    type: ["Profile"],
    name: profile.name,
    url: profile.url,
    email: profile.email,
    address: { type: ["Address"], addressCountry: profile.country, addressCountryCode: profile.countryCode },
    otherIdentifier: [
      { type: "IdentifierEntry", identifier: profile.legalIdentifier, identifierType: "ext:eIDASIdentifier" },
    ],
  };
}

export function buildAchievement(a: AchievementDetails, issuer: Record<string, unknown>): Record<string, unknown> {
  // OB 3.0 has no property for hours, learning outcomes or assessment type
  // (docs/formats/ob3.md#micro-credential-elements): like real issuers, state them in the criteria
  // narrative; ECTS → creditsAvailable.
  const narrative = [
    a.criteria,
    `Notional workload: ${a.hours} hours (${a.ects} ECTS). Assessment: ${a.assessment}. Participation: ${a.participation}.`,
    `Prerequisites: ${a.prerequisites}`,
    "Learning outcomes:",
    ...a.learningOutcomes.map((o) => `- ${o}`),
  ].join("\n");
  return {
    id: a.id,
    type: ["Achievement"],
    achievementType: a.achievementType,
    name: a.name,
    description: a.description,
    criteria: { narrative },
    image: { id: `${a.id}/image.png`, type: "Image" },
    humanCode: a.humanCode,
    fieldOfStudy: a.fieldOfStudy,
    inLanguage: a.language,
    tag: a.tags,
    creditsAvailable: a.ects,
    alignment: [
      ...a.skills.map((s) => ({
        type: ["Alignment"],
        targetName: s.name,
        targetUrl: s.uri,
        targetFramework: "ESCO",
        targetType: "ceasn:Competency",
        ...(s.description ? { targetDescription: s.description } : {}),
      })),
      {
        type: ["Alignment"],
        targetName: `EQF level ${a.eqfLevel}`,
        targetUrl: `http://data.europa.eu/snb/eqf/${a.eqfLevel}`,
        targetFramework: "European Qualifications Framework",
        targetCode: String(a.eqfLevel),
        targetType: "ext:EQF",
      },
      {
        type: ["Alignment"],
        targetName: a.qualityAssurance,
        targetUrl: `${String(issuer.url)}/quality`,
        targetType: "ext:QualityAssurance",
      },
    ],
    resultDescription: [
      { id: `${a.id}#assessment`, type: ["ResultDescription"], name: a.assessment, resultType: "Result" },
    ],
    creator: { id: issuer.id, type: ["Profile"], name: issuer.name },
  };
}

export function buildSubject(r: ResolvedOptions, issuer: Record<string, unknown>): Record<string, unknown> {
  const { recipient, achievement } = r;
  const identityHash = recipient.hashed ? saltedSha256(recipient.email, recipient.salt) : recipient.email;
  return {
    type: ["AchievementSubject"],
    ...(recipient.id ? { id: recipient.id } : {}),
    name: recipient.name,
    identifier: [
      {
        type: "IdentityObject",
        identityHash,
        identityType: "emailAddress",
        hashed: recipient.hashed,
        ...(recipient.hashed ? { salt: recipient.salt } : {}),
      },
    ],
    achievement: buildAchievement(achievement, issuer),
    creditsEarned: achievement.ects,
    result: [{ type: ["Result"], resultDescription: `${achievement.id}#assessment`, value: achievement.grade }],
  };
}

export interface Ob3Options extends CommonOptions {
  vcVersion?: VcVersion;
  /** Credential types after VerifiableCredential (default OpenBadgeCredential). */
  type?: string;
  extraContexts?: string[];
}

/** The unsigned credential. `issuerDid` becomes `issuer.id` (it must control the signing key). */
export function buildOpenBadgeCredential(issuerDid: string, options: Ob3Options = {}): Record<string, unknown> {
  const r = resolveCommon(options);
  const version = options.vcVersion ?? 2;
  const issuer = buildProfile(issuerDid, r.issuer);
  const context = [
    version === 2 ? VC_V2 : VC_V1,
    OB_V3P0_CONTEXT_303,
    ...statusContexts(r.status, version),
    ...(options.extraContexts ?? []),
  ];
  const dates =
    version === 2
      ? { validFrom: r.validFrom, ...(r.validUntil ? { validUntil: r.validUntil } : {}) }
      : { issuanceDate: r.validFrom, ...(r.validUntil ? { expirationDate: r.validUntil } : {}) };
  return {
    "@context": context,
    id: r.id,
    type: ["VerifiableCredential", options.type ?? "OpenBadgeCredential"],
    issuer,
    ...dates,
    awardedDate: r.validFrom,
    name: r.achievement.name,
    description: r.achievement.description,
    credentialSubject: buildSubject(r, issuer),
    ...(r.status.length ? { credentialStatus: r.status.length === 1 ? r.status[0] : r.status } : {}),
  };
}

/** OB 3.0 credential with an embedded proof: eddsa-rdfc-2022 / ecdsa-rdfc-2019 by key type by default. */
export async function issueOpenBadge(
  issuer: TestIssuer,
  options: Ob3Options & { proof?: ProofKind } = {},
): Promise<SignedCredential> {
  const proof = options.proof ?? issuer.cryptosuite;
  const legacy = proof === "Ed25519Signature2020";
  const credential = buildOpenBadgeCredential(issuer.did, {
    ...options,
    vcVersion: options.vcVersion ?? (legacy ? 1 : 2),
    extraContexts: [...(options.extraContexts ?? []), ...(legacy ? [ED25519_2020_CONTEXT] : [])],
  });
  return signCredential(credential, issuer, { proof, now: options.now });
}

/** OB 3.0 on VC 1.1 signed with the legacy Ed25519Signature2020 suite (DCC style). */
export function issueOpenBadgeEd25519Signature2020(
  issuer: TestIssuer,
  options: Ob3Options = {},
): Promise<SignedCredential> {
  return issueOpenBadge(issuer, { ...options, proof: "Ed25519Signature2020" });
}
