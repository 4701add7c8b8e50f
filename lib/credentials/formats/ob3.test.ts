import { describe, expect, it } from "vitest";
import { interpretCredential } from "./index";
import { OB3, VC1, VC2, token } from "@/testkit/credentials/format-tokens";

const issuer = {
  id: "did:web:academy.example",
  type: ["Profile"],
  name: "European Nursing Academy",
  url: "https://academy.example",
  email: "registry@academy.example",
  image: { id: "https://academy.example/logo.png", type: "Image" },
  address: { type: ["Address"], addressCountry: "Ireland", addressCountryCode: "IE" },
  otherIdentifier: [{ type: "IdentifierEntry", identifier: "IE-EIDAS-123", identifierType: "ext:eIDASIdentifier" }],
};

const credential = {
  "@context": [VC2, OB3],
  id: "urn:uuid:11111111-2222-3333-4444-555555555555",
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  name: "Amara Okafor", // Credly-style: the earner's name at credential level
  issuer,
  validFrom: "2024-05-01T00:00:00Z",
  validUntil: "2027-05-01T00:00:00Z",
  awardedDate: "2024-04-30T12:00:00Z",
  credentialSubject: {
    id: "did:key:z6MkhHolder",
    type: ["AchievementSubject"],
    name: "Amara Okafor",
    identifier: [
      { type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: "sha256$abc", salt: "s" },
      { type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Amara Okafor" },
    ],
    source: {
      id: "https://hospital.example",
      type: ["Profile"],
      name: "St Mary's Hospital",
      address: { addressCountryCode: "IE" },
    },
    result: [{ type: ["Result"], resultDescription: "urn:uuid:rd1", value: "A" }],
    creditsEarned: 3,
    achievement: {
      id: "https://academy.example/achievements/sepsis",
      type: ["Achievement"],
      achievementType: "Certificate",
      name: "Sepsis Recognition",
      description: "Recognise and escalate sepsis early.",
      criteria: { id: "https://academy.example/achievements/sepsis/criteria", narrative: "Pass the simulation." },
      alignment: [
        {
          type: ["Alignment"],
          targetName: "monitor patient vital signs",
          targetUrl: "http://data.europa.eu/esco/skill/v1",
        },
        {
          type: ["Alignment"],
          targetName: "Sepsis care",
          targetFramework: "Nursing Competency Framework",
          targetCode: "NCF-7",
          targetType: "ceasn:Competency",
        },
        { type: ["Alignment"], targetType: "ext:EQF", targetName: "EQF level 5", targetCode: "5" },
        {
          type: ["Alignment"],
          targetType: "ext:QualityAssurance",
          targetName: "Accredited by the Nursing Board",
          targetCode: "NB-1",
        },
      ],
      creditsAvailable: 3,
      resultDescription: [
        { id: "urn:uuid:rd1", type: ["ResultDescription"], name: "Final grade", resultType: "LetterGrade" },
      ],
      related: [{ id: "https://academy.example/achievements/sepsis-fr", type: ["Related"], inLanguage: "fr" }],
      tag: ["sepsis", "acute care"],
      humanCode: "SEP-101",
      fieldOfStudy: "Nursing",
      inLanguage: "en",
      endorsementJwt: [
        token(
          { alg: "ES256" },
          {
            vc: {
              issuer: { id: "https://council.example", name: "Nursing Council" },
              validFrom: "2024-01-01T00:00:00Z",
              credentialSubject: { endorsementComment: "Meets council standards" },
            },
          },
        ),
      ],
    },
  },
  evidence: [
    { id: "https://academy.example/evidence/9", type: ["Evidence"], name: "Simulation log", narrative: "Scored 95%." },
  ],
  endorsement: [
    {
      type: ["VerifiableCredential", "EndorsementCredential"],
      issuer: { id: "https://regulator.example", name: "Regulator" },
      validFrom: "2024-02-01T00:00:00Z",
      credentialSubject: { endorsementComment: "Approved" },
    },
  ],
  credentialStatus: [
    {
      id: "https://academy.example/status/1#42",
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: "42",
      statusListCredential: "https://academy.example/status/1",
    },
  ],
  proof: [
    { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofValue: "z1" },
    { type: "Ed25519Signature2020", proofValue: "z2" },
  ],
};

describe("OB 3.0 JSON-LD (VC 2.0)", () => {
  it("normalizes field by field", async () => {
    const result = await interpretCredential({ kind: "json", value: credential }, { container: "json" });
    const r = result.record;
    expect(r).toMatchObject({
      format: "ob3",
      formatVersion: "3.0",
      securing: "data-integrity",
      proofType: "eddsa-rdfc-2022, Ed25519Signature2020",
      formatLabel: "Open Badges 3.0 · Data Integrity (eddsa-rdfc-2022, Ed25519Signature2020)",
      container: "json",
      title: "Sepsis Recognition", // not the credential-level name (the earner's, Credly-style)
      description: "Recognise and escalate sepsis early.",
      credentialId: credential.id,
      achievementId: "https://academy.example/achievements/sepsis",
      achievementType: "Certificate",
      language: "en",
    });
    expect(r.issuer).toEqual({
      id: "did:web:academy.example",
      name: "European Nursing Academy",
      url: "https://academy.example",
      email: "registry@academy.example",
      imageRef: "https://academy.example/logo.png",
      country: "IE",
      legalIdentifier: "IE-EIDAS-123",
    });
    expect(r.awardingBody).toEqual({ id: "https://hospital.example", name: "St Mary's Hospital", country: "IE" });
    expect(r.recipient).toEqual({
      name: "Amara Okafor",
      identifiers: [
        { type: "did", value: "did:key:z6MkhHolder" },
        { type: "email-sha256", value: "sha256$abc", hashed: true, salt: "s" },
        { type: "name", value: "Amara Okafor" },
      ],
    });
    expect(r.dates).toEqual({
      validFrom: "2024-05-01T00:00:00.000Z",
      validUntil: "2027-05-01T00:00:00.000Z",
      awarded: "2024-04-30T12:00:00.000Z",
    });
    expect(r.skills).toEqual([
      { name: "monitor patient vital signs", framework: "ESCO", url: "http://data.europa.eu/esco/skill/v1" },
      { name: "Sepsis care", framework: "Nursing Competency Framework", code: "NCF-7" },
    ]);
    expect(r.level).toEqual({ eqf: 5, framework: "EQF" });
    expect(r.qualityAssurance).toEqual(["Accredited by the Nursing Board (NB-1)"]);
    expect(r.workload).toEqual({
      credits: 3,
      source: "OB 3.0 creditsAvailable 3 (credit unit not stated); OB 3.0 creditsEarned 3 (credit unit not stated)",
    });
    expect(r.assessment).toEqual({ grade: "Final grade: A" });
    expect(r.criteria).toEqual({
      narrative: "Pass the simulation.",
      url: "https://academy.example/achievements/sepsis/criteria",
    });
    expect(r.related).toEqual([
      { relation: "related", targetId: "https://academy.example/achievements/sepsis-fr", title: "Edition in fr" },
    ]);
    expect(r.tags).toEqual(["sepsis", "acute care", "Nursing"]);
    expect(r.evidence).toEqual([
      { name: "Simulation log", narrative: "Scored 95%.", url: "https://academy.example/evidence/9" },
    ]);
    expect(r.endorsements).toEqual([
      {
        issuerId: "https://regulator.example",
        issuerName: "Regulator",
        comment: "Approved",
        date: "2024-02-01T00:00:00.000Z",
      },
      {
        issuerId: "https://council.example",
        issuerName: "Nursing Council",
        comment: "Meets council standards",
        date: "2024-01-01T00:00:00.000Z",
      },
    ]);
    expect(r.status).toEqual([
      {
        type: "BitstringStatusListEntry",
        id: "https://academy.example/status/1#42",
        statusListCredential: "https://academy.example/status/1",
        statusListIndex: "42",
        statusPurpose: "revocation",
      },
    ]);
    expect(r.image).toBeUndefined();
    expect(r).toMatchObject({
      kind: "micro-credential",
      kindReason: "The issuer's achievement type is “Certificate”, so it is shown as at least a micro-credential.",
    });
    expect(r.typology).toBeUndefined();
    expect(r.euElements).toEqual({
      learner: true,
      title: true,
      country: true,
      awardingBody: true,
      dateOfIssue: true,
      learningOutcomes: true,
      workload: false,
      level: true,
      assessmentType: false,
      participation: false,
      qualityAssurance: true,
      prerequisites: false,
      identityVerification: false,
      grade: true,
      stackability: true,
      furtherInformation: true,
    });
    expect(result.payload).toBe(credential);
    expect(result.signed).toBeUndefined();
  });

  it("reads the Edubadges extension: ECTS, study hours, EQF alignment, assessment and participation", async () => {
    const achievement = {
      id: "https://edu.example/ach/1",
      type: ["Achievement", "EducredentialAchievement"],
      name: "Minor: Wound Care",
      criteria: { narrative: "Attend and pass." },
      alignment: [
        {
          type: ["Alignment"],
          targetType: "ext:EQF",
          targetName: "EQF level 6",
          targetCode: "6",
          targetUrl: "https://content.example/eqf",
        },
      ],
      ECTS: 4.5,
      SBU: 120,
      participationType: "onsite or blended",
      assessmentType: "testing",
      supervisionType: "onsite with identity verification",
      identityChecked: true,
    };
    const value = {
      ...credential,
      credentialSubject: { id: "https://edu.example/students/1", type: ["AchievementSubject"], achievement },
      endorsement: undefined,
      proof: undefined,
      credentialStatus: undefined,
    };
    const { record } = await interpretCredential({ kind: "json", value }, { container: "json" });
    expect(record.workload).toEqual({ hours: 120, ects: 4.5, source: "Edubadges ECTS 4.5; Edubadges SBU 120 h" });
    expect(record.level).toEqual({ eqf: 6, framework: "EQF" });
    expect(record.assessment).toEqual({
      type: "testing",
      supervision: "onsite with identity verification",
      identityVerified: "Identity checked",
    });
    expect(record.participation).toBe("onsite or blended");
    expect(record.securing).toBe("none");
    expect(record.typology).toBe("module");
    expect(record.kind).toBe("micro-credential");
    expect(record.kindReason).toBe(
      "A workload of 120 hours and 4.5 ECTS (25 hours or 1 ECTS or more, below 150 hours and 6 ECTS) makes it a micro-credential.",
    );
  });
});

describe("OB 3.0 as VC-JWT", () => {
  const vc = {
    "@context": [VC1, OB3],
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { type: ["Profile"], name: "Example University" },
    credentialSubject: {
      type: ["AchievementSubject"],
      achievement: {
        id: "urn:a:1",
        type: ["Achievement"],
        name: "Triage",
        description: "d",
        criteria: { narrative: "n" },
      },
    },
  };

  it("VC 1.1 style: fills issuer.id, id, dates and subject id from the registered claims", async () => {
    const payload = {
      vc,
      iss: "https://example.edu/issuers/1",
      nbf: 1262304000,
      exp: 1893456000,
      jti: "urn:uuid:jti-1",
      sub: "did:example:holder",
    };
    const jws = token({ alg: "RS256", typ: "JWT", jwk: { kty: "RSA", n: "x", e: "AQAB" } }, payload);
    const result = await interpretCredential({ kind: "jws", token: jws }, { container: "jwt" });
    expect(result.record).toMatchObject({
      format: "ob3",
      securing: "vc-jwt",
      proofType: "RS256",
      container: "jwt",
      title: "Triage",
      credentialId: "urn:uuid:jti-1",
      formatLabel: "Open Badges 3.0 (VC 1.1) · VC-JWT (RS256)",
    });
    expect(result.record.issuer).toEqual({ id: "https://example.edu/issuers/1", name: "Example University" });
    expect(result.record.dates).toEqual({
      issued: "2010-01-01T00:00:00.000Z",
      validFrom: "2010-01-01T00:00:00.000Z",
      validUntil: "2030-01-01T00:00:00.000Z",
    });
    expect(result.record.recipient.identifiers).toEqual([{ type: "did", value: "did:example:holder" }]);
    expect(result.payload).toEqual(payload); // the decoded JWT payload, not the merged credential
    expect(result.signed).toEqual({ kind: "compact-jws", token: jws });
  });

  it("VC 2.0 VC-JOSE style: the payload is the credential", async () => {
    const payload = {
      ...vc,
      "@context": [VC2, OB3],
      issuer: { id: "https://example.edu/issuers/1", name: "Example University" },
      validFrom: "2024-01-01T00:00:00Z",
      credentialSubject: { ...vc.credentialSubject, id: "did:example:holder" },
    };
    const result = await interpretCredential(
      { kind: "jws", token: token({ alg: "EdDSA", typ: "vc+jwt" }, payload) },
      { container: "jwt" },
    );
    expect(result.record).toMatchObject({
      format: "ob3",
      securing: "vc-jwt",
      proofType: "EdDSA",
      formatLabel: "Open Badges 3.0 · VC-JWT (EdDSA)",
    });
    expect(result.record.dates).toEqual({ validFrom: "2024-01-01T00:00:00.000Z" });
  });

  it("refuses malformed tokens and unknown payloads", async () => {
    await expect(
      interpretCredential({ kind: "jws", token: "eyJhbGciOiJSUzI1NiJ9" }, { container: "jwt" }),
    ).rejects.toMatchObject({ reason: "jwt_malformed" });
    await expect(
      interpretCredential({ kind: "jws", token: token({ alg: "RS256" }, vc, "") }, { container: "jwt" }),
    ).rejects.toMatchObject({
      reason: "jwt_malformed",
      message: "This token has no signature, so it cannot be trusted.",
    });
    await expect(interpretCredential({ kind: "jws", token: "a.b.c" }, { container: "jwt" })).rejects.toMatchObject({
      reason: "jwt_malformed",
    });
    await expect(
      interpretCredential({ kind: "jws", token: token({ alg: "RS256" }, { hello: "world" }) }, { container: "jwt" }),
    ).rejects.toMatchObject({ reason: "unsupported_format" });
  });
});

describe("OB 3.0 edge cases", () => {
  it("an EndorsementCredential is read as an endorsement badge, with no learner", async () => {
    const value = {
      "@context": [VC2, OB3],
      type: ["VerifiableCredential", "EndorsementCredential"],
      name: "SDE endorsement",
      issuer: { id: "https://state.example", name: "State Department" },
      validFrom: "2010-01-01T00:00:00Z",
      credentialSubject: {
        id: "https://school.example/issuer",
        type: ["EndorsementSubject"],
        endorsementComment: "In good standing",
      },
    };
    const { record } = await interpretCredential({ kind: "json", value }, { container: "json" });
    expect(record).toMatchObject({
      format: "ob3",
      title: "SDE endorsement",
      description: "In good standing",
      kind: "badge",
      kindReason: "An endorsement vouches for someone else's achievement, so it is kept as a badge.",
    });
    expect(record.recipient).toEqual({ identifiers: [] });
  });

  it("falls back to the credential name, then to 'Open Badge', when the achievement has no name", async () => {
    const achievement = { id: "urn:a", type: ["Achievement"] };
    const value = { ...credential, credentialSubject: { id: "did:x:1", achievement } };
    expect((await interpretCredential({ kind: "json", value }, { container: "json" })).record.title).toBe(
      "Amara Okafor",
    );
    const { record } = await interpretCredential(
      { kind: "json", value: { ...value, name: undefined } },
      { container: "json" },
    );
    expect(record.title).toBe("Open Badge");
    expect(record.euElements.title).toBe(false);
  });

  it("refuses structural violations", async () => {
    const refuse = (value: unknown) => interpretCredential({ kind: "json", value }, { container: "json" });
    await expect(refuse({ ...credential, credentialSubject: { id: "did:x:1" } })).rejects.toMatchObject({
      reason: "missing_required_field",
      message: "This Open Badge does not say what was achieved (it has no achievement).",
    });
    await expect(refuse({ ...credential, issuer: undefined })).rejects.toMatchObject({
      reason: "missing_required_field",
      message: "This Open Badge does not say who issued it.",
    });
    await expect(refuse({ ...credential, issuer: "fake-issuer" })).rejects.toMatchObject({ reason: "invalid_field" });
    await expect(refuse({ ...credential, "@context": [OB3] })).rejects.toMatchObject({ reason: "unsupported_format" });
    await expect(refuse({ ...credential, credentialStatus: { id: "https://x.example/s" } })).rejects.toMatchObject({
      reason: "invalid_field",
    });
    await expect(refuse({ ...credential, id: "https ://not-a-url" })).rejects.toMatchObject({
      reason: "invalid_field",
    });
    await expect(refuse({ ...credential, type: ["VerifiableCredential", "OtherCredential"] })).rejects.toMatchObject({
      reason: "unsupported_format",
    });
  });
});
