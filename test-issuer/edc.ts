/**
 * European Digital Credential (ELM 3 / EDC application profile, docs/formats/edc.md#structure) with
 * every Annex I micro-credential element, sealed as JAdES baseline-B (docs/formats/edc.md#jades-seal): JWS JSON general
 * serialization, unencoded payload (`b64: false`) = the credential JSON string.
 */
import { GeneralSign } from "jose";
import { randomUUID } from "node:crypto";
import { EDC_CONCEPTS as C, concept, organisation } from "./edc-vocab";
import { resolveCommon, toIso, type CommonOptions, type DateInput } from "./defaults";
import type { TestIssuer } from "./keys";
import { VC_V1, signCredential, type SignedCredential } from "./sign";
import { createSealCertificate, type SealCertificate } from "./x509";

export const EDC_AP_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap";

export interface EdcOptions extends CommonOptions {
  dateOfBirth?: string;
  /** The issuing organisation's id (default a local urn); a DID when a Data Integrity proof secures it. */
  issuerId?: string;
}

const en = (text: string) => ({ en: text });
const note = (id: string, text: string) => ({ id, type: "Note", noteLiteral: en(text) });

export function buildEuropeanDigitalCredential(options: EdcOptions = {}): Record<string, unknown> {
  const r = resolveCommon({ ...options, id: options.id ?? `urn:credential:${randomUUID()}` });
  const a = r.achievement;
  const [givenName = r.recipient.name, ...rest] = r.recipient.name.split(" ");
  const body = organisation(r.issuer, options.issuerId ?? "urn:epass:org:1");
  const qualification = {
    id: "urn:epass:qualification:1",
    type: "Qualification",
    title: en(a.name),
    description: en(a.description),
    eqfLevel: concept(`http://data.europa.eu/snb/eqf/${a.eqfLevel}`, `Level ${a.eqfLevel}`, C.eqfScheme),
    creditPoint: { id: "urn:epass:creditPoint:1", type: "CreditPoint", framework: C.ects, point: String(a.ects) },
    volumeOfLearning: `PT${a.hours}H`,
    learningOutcome: a.learningOutcomes.map((title, i) => ({
      id: `urn:epass:learningOutcome:${i + 1}`,
      type: "LearningOutcome",
      title: en(title),
      relatedESCOSkill: a.skills
        .filter((_, j) => j % a.learningOutcomes.length === i)
        .map((s) => concept(s.uri, s.name, C.escoSkills, "Skill")),
    })),
    entryRequirement: note("urn:epass:note:1", a.prerequisites),
    mode: concept(C.modeOnline.id, a.participation, C.modeOnline.scheme),
    learningSetting: C.nonFormal,
    language: C.english,
    isPartialQualification: false,
    accreditation: {
      id: "urn:epass:accreditation:1",
      type: "Accreditation",
      title: en(a.qualityAssurance),
      dcType: C.accreditationType,
      accreditingAgent: organisation(
        { ...r.issuer, name: "Quality and Qualifications Authority (test)", legalIdentifier: "QQA-TEST-1" },
        "urn:epass:org:2",
      ),
    },
  };
  const assessment = {
    id: "urn:epass:learningAssessment:1",
    type: "LearningAssessment",
    title: en(a.assessment),
    grade: note("urn:epass:note:2", a.grade),
    idVerification: concept("urn:epass:concept:id-verification", a.idVerification, C.localScheme),
    specifiedBy: {
      id: "urn:epass:learningAssessmentSpec:1",
      type: "LearningAssessmentSpecification",
      title: en(a.assessment),
      dcType: concept("urn:epass:concept:assessment-type", a.assessment, C.localScheme),
      mode: concept(C.modeOnline.id, a.participation, C.modeOnline.scheme),
    },
  };
  return {
    "@context": [VC_V1, EDC_AP_CONTEXT],
    id: r.id,
    type: ["VerifiableCredential", "EuropeanDigitalCredential"],
    credentialProfiles: C.genericProfile,
    credentialSchema: { id: "http://data.europa.eu/snb/model/ap/edc-generic-full", type: "ShaclValidator2017" },
    issuer: body,
    issuanceDate: r.now,
    issued: r.now,
    validFrom: r.validFrom,
    ...(r.validUntil ? { expirationDate: r.validUntil } : {}),
    evidence: {
      id: `urn:epass:evidence:${randomUUID()}`,
      type: "Evidence",
      evidenceStatement:
        "By applying its electronic seal, the signing organisation certifies the origin of each claim.",
      dcType: C.mandate,
    },
    credentialSubject: {
      id: "urn:epass:person:1",
      type: "Person",
      fullName: en(r.recipient.name),
      givenName: en(givenName),
      familyName: en(rest.join(" ") || givenName),
      dateOfBirth: options.dateOfBirth ?? "1994-03-12T00:00:00Z",
      contactPoint: {
        id: "urn:epass:contactPoint:1",
        type: "ContactPoint",
        emailAddress: { id: `mailto:${r.recipient.email}`, type: "Mailbox" },
      },
      hasClaim: {
        id: "urn:epass:learningAchievement:1",
        type: "LearningAchievement",
        title: en(a.name),
        awardedBy: {
          id: "urn:epass:awardingProcess:1",
          type: "AwardingProcess",
          awardingBody: body,
          awardingDate: r.validFrom,
        },
        provenBy: assessment,
        specifiedBy: qualification,
      },
    },
  };
}

export interface JadesSeal {
  payload: string;
  signatures: Array<{ protected: string; signature: string; header?: Record<string, unknown> }>;
}

/**
 * JAdES baseline-B over the exact credential string (never re-serialize it: the seal signs bytes).
 * crit lists b64 and sigT; LTA's adoTst/etsiU timestamps are out of scope for a test seal.
 */
export async function sealJades(
  credential: object | string,
  seal: SealCertificate,
  options: { sigT?: DateInput } = {},
): Promise<JadesSeal> {
  const payload = typeof credential === "string" ? credential : JSON.stringify(credential);
  const jws = await new GeneralSign(new TextEncoder().encode(payload))
    .addSignature(seal.privateKey, { crit: { sigT: true } })
    .setProtectedHeader({
      alg: seal.alg,
      cty: "octet-stream",
      typ: "jose+json",
      kid: seal.issuerSerial,
      "x5t#S256": seal.thumbprintS256,
      x5c: [seal.x5c],
      sigT: toIso(options.sigT ?? new Date()),
      b64: false,
      crit: ["b64", "sigT"],
    })
    .sign();
  // With b64:false jose returns payload "" (RFC 7797 leaves transport to the caller); JAdES
  // carries the unencoded payload inline.
  return { payload, signatures: jws.signatures as JadesSeal["signatures"] };
}

export interface IssuedEdc {
  jades: JadesSeal;
  credential: Record<string, unknown>;
  seal: SealCertificate;
}

export async function issueEdc(options: EdcOptions & { seal?: SealCertificate } = {}): Promise<IssuedEdc> {
  const seal = options.seal ?? (await createSealCertificate({ profile: options.issuerProfile }));
  const credential = buildEuropeanDigitalCredential(options);
  return { jades: await sealJades(credential, seal, { sigT: options.now }), credential, seal };
}

/**
 * The same ELM credential secured by a Data Integrity proof (eddsa-rdfc-2022) instead of a JAdES
 * seal, as issuers that sign with a DID do: the issuing organisation's id is the issuer's did:key,
 * so the proof's controller and the credential's issuer agree.
 */
export async function issueEdcWithDid(issuer: TestIssuer, options: EdcOptions = {}): Promise<SignedCredential> {
  const credential = buildEuropeanDigitalCredential({ ...options, issuerId: issuer.did });
  return signCredential(credential, issuer, { now: options.now });
}
