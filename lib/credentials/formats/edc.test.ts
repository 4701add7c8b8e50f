import { describe, expect, it } from "vitest";
import { mandatoryCount } from "../normalize/eu-elements";
import { interpretCredential } from "./index";
import { VC1, b64json } from "@/testkit/credentials/format-tokens";

const EDC_AP = "http://data.europa.eu/snb/model/context/edc-ap";
const concept = (id: string, en: string) => ({ id, type: "Concept", prefLabel: { en } });
const ireland = {
  type: "Location",
  address: {
    type: "Address",
    countryCode: concept("http://publications.europa.eu/resource/authority/country/IRL", "Ireland"),
  },
};
const university = {
  id: "urn:epass:org:1",
  type: "Organisation",
  legalName: { en: "University of Zed", ga: "Ollscoil Zed" },
  location: ireland,
  eIDASIdentifier: { type: "LegalIdentifier", notation: "VATIE-123" },
  homepage: { type: "WebResource", contentURL: "https://uniz.example" },
};

function edc(spec: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    "@context": [VC1, EDC_AP],
    id: "urn:credential:3ef0ac26",
    type: ["VerifiableCredential", "EuropeanDigitalCredential"],
    issuer: { ...university, id: "urn:epass:org:seal", legalName: { en: "Sealing Service" } },
    issued: "2023-09-27T11:54:17Z",
    validFrom: "2022-12-31T23:00:00Z",
    credentialSubject: {
      id: "urn:epass:person:1",
      type: "Person",
      fullName: { en: "Ana Andromeda" },
      dateOfBirth: "1999-10-01T22:00:00Z",
      nationalID: { type: "LegalIdentifier", notation: "LA-234218" },
      contactPoint: { type: "ContactPoint", emailAddress: { id: "mailto:ana@example.org", type: "Mailbox" } },
      hasClaim: {
        id: "urn:epass:learningAchievement:1",
        type: "LearningAchievement",
        title: { en: "Infection prevention in home care" },
        awardedBy: { type: "AwardingProcess", awardingBody: university, awardingDate: "2022-12-20T00:00:00Z" },
        provenBy: {
          type: "LearningAssessment",
          grade: { type: "Note", noteLiteral: { en: "Pass" } },
          idVerification: concept(
            "http://data.europa.eu/snb/supervision-verification/c598449d64",
            "Supervised with ID verification",
          ),
          specifiedBy: {
            type: "LearningAssessmentSpecification",
            dcType: concept("urn:x:assessment", "practical assessment"),
          },
        },
        isPartOf: { id: "urn:epass:learningAchievement:programme", title: { en: "Home care nursing programme" } },
        specifiedBy: { id: "urn:epass:qualification:1", type: "Qualification", ...spec },
      },
    },
    ...extra,
  };
}

const fullSpec = {
  title: { en: "Infection prevention (qualification)" },
  dcType: concept("http://data.europa.eu/snb/learning-opportunity/74a4a268e8", "Short learning programme"),
  eqfLevel: concept("http://data.europa.eu/snb/eqf/5", "Level 5"),
  nqfLevel: concept("urn:x:nqf", "NFQ Level 6"),
  creditPoint: {
    type: "CreditPoint",
    framework: concept("http://data.europa.eu/snb/education-credit/6fcec5c5af", "European Credit Transfer System"),
    point: "2",
  },
  volumeOfLearning: "PT50H",
  learningOutcome: [
    {
      type: "LearningOutcome",
      title: { en: "Apply hand hygiene" },
      relatedESCOSkill: [concept("http://data.europa.eu/esco/skill/hh", "apply hand hygiene")],
      relatedSkill: concept("http://data.europa.eu/snb/dcf/abc", "Developing digital content"),
    },
  ],
  mode: concept("http://data.europa.eu/snb/learning-assessment/e92d221e4d", "Blended"),
  learningSetting: concept("urn:x:setting", "non-formal learning"),
  entryRequirement: { type: "Note", noteLiteral: { en: "A nursing licence." } },
  accreditation: { type: "Accreditation", title: { en: "Accredited by the Nursing Board of Ireland" } },
  thematicArea: [concept("http://data.europa.eu/snb/isced-f/0913", "Nursing and midwifery")],
  language: concept("http://publications.europa.eu/resource/authority/language/ENG", "English"),
};

describe("EDC / ELM 3 JSON-LD", () => {
  it("maps the Annex I elements field by field", async () => {
    const value = edc(fullSpec, {
      status: [
        {
          id: "https://status.example/1#7",
          type: "StatusList2021Entry",
          statusPurpose: "revocation",
          statusListIndex: "7",
          statusListCredential: "https://status.example/1",
        },
      ],
    });
    const result = await interpretCredential({ kind: "json", value }, { container: "json" });
    const r = result.record;
    expect(r).toMatchObject({
      format: "edc",
      formatVersion: "ELM 3",
      securing: "none",
      formatLabel: "European Digital Credential (ELM 3) · Unsigned",
      title: "Infection prevention in home care",
      credentialId: "urn:credential:3ef0ac26",
      achievementId: "urn:epass:qualification:1",
      achievementType: "Short learning programme",
      participation: "Blended · non-formal learning",
      prerequisites: "A nursing licence.",
      language: "eng",
    });
    expect(r.issuer).toEqual({
      id: "urn:epass:org:seal",
      name: "Sealing Service",
      url: "https://uniz.example",
      country: "IRL",
      legalIdentifier: "VATIE-123",
    });
    expect(r.awardingBody).toEqual({
      id: "urn:epass:org:1",
      name: "University of Zed",
      url: "https://uniz.example",
      country: "IRL",
      legalIdentifier: "VATIE-123",
    });
    expect(r.recipient).toEqual({
      name: "Ana Andromeda",
      identifiers: [
        { type: "email", value: "ana@example.org" },
        { type: "national-id", value: "LA-234218" },
      ],
    });
    expect(JSON.stringify(r)).not.toContain("1999-10-01"); // date of birth is never copied
    expect(r.dates).toEqual({
      issued: "2023-09-27T11:54:17.000Z",
      validFrom: "2022-12-31T23:00:00.000Z",
      awarded: "2022-12-20T00:00:00.000Z",
    });
    expect(r.learningOutcomes).toEqual([{ title: "Apply hand hygiene", framework: "ESCO" }]);
    expect(r.skills).toEqual([
      { name: "apply hand hygiene", framework: "ESCO", url: "http://data.europa.eu/esco/skill/hh" },
      { name: "Developing digital content", framework: "DigComp", url: "http://data.europa.eu/snb/dcf/abc" },
    ]);
    expect(r.workload).toEqual({ hours: 50, ects: 2, source: "ELM creditPoint 2 ECTS; ELM volumeOfLearning PT50H" });
    expect(r.typology).toBe("module");
    expect(r.level).toEqual({ eqf: 5, nqf: "NFQ Level 6", framework: "EQF" });
    expect(r.assessment).toEqual({
      type: "practical assessment",
      grade: "Pass",
      supervision: "Supervised with ID verification",
    });
    expect(r.qualityAssurance).toEqual(["Accredited by the Nursing Board of Ireland"]);
    expect(r.related).toEqual([
      {
        relation: "part-of",
        targetId: "urn:epass:learningAchievement:programme",
        title: "Home care nursing programme",
      },
    ]);
    expect(r.tags).toEqual(["Nursing and midwifery"]);
    expect(r.status).toEqual([
      {
        type: "StatusList2021Entry",
        id: "https://status.example/1#7",
        statusListCredential: "https://status.example/1",
        statusListIndex: "7",
        statusPurpose: "revocation",
      },
    ]);
    expect(mandatoryCount(r.euElements)).toEqual({ present: 11, total: 11 });
    expect(r.euElements).toMatchObject({
      prerequisites: true,
      identityVerification: true,
      grade: true,
      stackability: true,
      furtherInformation: true,
    });
    expect(r.kind).toBe("micro-credential");
    expect(r.kindReason).toBe(
      "A workload of 50 hours and 2 ECTS (25 hours or 1 ECTS or more, below 150 hours and 6 ECTS) makes it a micro-credential.",
    );
  });

  it("rule 4: all mandatory EU elements lift a small workload to micro-credential", async () => {
    const { record } = await interpretCredential(
      { kind: "json", value: edc({ ...fullSpec, creditPoint: undefined, volumeOfLearning: "PT10H" }) },
      { container: "json" },
    );
    expect(record.workload).toEqual({ hours: 10, source: "ELM volumeOfLearning PT10H" });
    expect(record.typology).toBe("skill-credential");
    expect(record).toMatchObject({
      kind: "micro-credential",
      kindReason:
        "It carries all 11 mandatory elements of the EU micro-credential standard, so it is shown as at least a micro-credential.",
    });
  });

  it("keeps a calendar-only volumeOfLearning out of hours, and reports missing elements", async () => {
    const { record } = await interpretCredential(
      { kind: "json", value: edc({ title: { en: "Webinar" }, volumeOfLearning: "P60M" }) },
      { container: "json" },
    );
    expect(record.workload).toEqual({
      source: "ELM volumeOfLearning P60M (a calendar duration, not converted to hours)",
    });
    expect(record.euElements).toMatchObject({
      workload: false,
      level: false,
      qualityAssurance: false,
      learningOutcomes: false,
      participation: false,
    });
    expect(record.kind).toBe("badge");
  });
});

describe("EDC sealed with JAdES (JWS JSON, b64: false)", () => {
  const protectedHeader = b64json({
    alg: "RS256",
    cty: "octet-stream",
    b64: false,
    crit: ["b64", "sigT"],
    sigT: "2023-09-27T11:54:18Z",
    x5c: ["MIIB"],
  });
  const inner = edc(fullSpec);
  const envelope = {
    payload: JSON.stringify(inner),
    signatures: [{ protected: protectedHeader, header: { etsiU: [] }, signature: "c2lnbmF0dXJl" }],
  };

  it("reads the credential out of the unencoded payload and keeps the envelope for the verifier", async () => {
    const result = await interpretCredential({ kind: "json", value: envelope }, { container: "json" });
    expect(result.record).toMatchObject({
      format: "edc",
      securing: "jades",
      proofType: "RS256",
      formatLabel: "European Digital Credential (ELM 3) · JAdES seal (RS256)",
      title: "Infection prevention in home care",
    });
    expect(result.payload).toEqual(inner);
    expect(result.signed).toEqual({ kind: "jades", jws: envelope });
  });

  it("refuses unsigned, multiply-sealed, empty or garbled envelopes", async () => {
    const run = (value: unknown) => interpretCredential({ kind: "json", value }, { container: "json" });
    await expect(
      run({ ...envelope, signatures: [{ protected: b64json({ alg: "none", b64: false }), signature: "" }] }),
    ).rejects.toMatchObject({ reason: "jwt_alg_none" });
    await expect(
      run({ ...envelope, signatures: [envelope.signatures[0], envelope.signatures[0]] }),
    ).rejects.toMatchObject({ reason: "unsupported_format" });
    await expect(run({ ...envelope, signatures: [] })).rejects.toMatchObject({ reason: "jwt_malformed" });
    await expect(run({ ...envelope, payload: "{not json" })).rejects.toMatchObject({ reason: "jwt_malformed" });
    await expect(run({ ...envelope, signatures: [{ protected: "!!!", signature: "x" }] })).rejects.toMatchObject({
      reason: "jwt_malformed",
    });
  });

  it("a seal over an empty presentation has nothing to import", async () => {
    const vp = { "@context": [VC1], type: ["VerifiablePresentation"], holder: "did:ebsi:x", verifiableCredential: [] };
    await expect(
      interpretCredential({ kind: "json", value: { ...envelope, payload: JSON.stringify(vp) } }, { container: "json" }),
    ).rejects.toMatchObject({ reason: "empty_presentation" });
  });
});
