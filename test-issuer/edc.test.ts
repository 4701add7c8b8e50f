import { XMLParser } from "fast-xml-parser";
import { decodeProtectedHeader, errors, flattenedVerify, generalVerify, importX509 } from "jose";
import jsonld from "jsonld";
import { X509Certificate, createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentLoader } from "@/lib/verification/document-loader";
import { buildEdciXml } from "./edci-xml";
import { buildEuropeanDigitalCredential, issueEdc, issueEdcWithDid, type IssuedEdc } from "./edc";
import { createEd25519Issuer } from "./keys";
import { verifyEmbedded, verifyJades } from "@/testkit/verification/reference-verify";
import { at, tamper, tamperJades } from "./tamper";
import { createSealCertificate } from "./x509";

let sealed: IssuedEdc;
const NOW = "2026-03-02T09:00:00Z";

beforeAll(async () => {
  sealed = await issueEdc({ now: NOW });
});

describe("EDC JAdES seal", () => {
  it("is JWS JSON general serialization with an unencoded payload equal to the credential string", () => {
    const { jades, credential } = sealed;
    expect(Object.keys(jades).sort()).toEqual(["payload", "signatures"]);
    expect(typeof jades.payload).toBe("string");
    expect(JSON.parse(jades.payload)).toEqual(credential);
    expect(jades.signatures).toHaveLength(1);
  });

  it("has the JAdES protected header (docs/formats/edc.md#jades-seal): b64 false, crit [b64, sigT], x5c, x5t#S256, issuer-serial kid", () => {
    const { jades, seal } = sealed;
    const header = decodeProtectedHeader({ protected: jades.signatures[0]!.protected, payload: "", signature: "" });
    expect(header).toMatchObject({
      alg: "ES256",
      cty: "octet-stream",
      typ: "jose+json",
      b64: false,
      crit: ["b64", "sigT"],
      sigT: NOW,
    });
    const der = Buffer.from(String((header.x5c as string[])[0]), "base64");
    expect(header["x5t#S256"]).toBe(createHash("sha256").update(der).digest("base64url"));
    // kid = DER IssuerSerial: SEQUENCE { SEQUENCE { [4] issuer Name }, INTEGER serial }
    const kid = Buffer.from(String(header.kid), "base64");
    expect(kid[0]).toBe(0x30);
    expect(kid.includes(Buffer.from(seal.certificate.issuerName.toArrayBuffer()))).toBe(true);
    expect(kid.toString("hex").endsWith(seal.certificate.serialNumber.replace(/^0+/, ""))).toBe(true);
  });

  it("verifies with jose generalVerify (crit sigT) and the x5c[0] key; fails without crit support", async () => {
    const { jades, seal } = sealed;
    const result = await verifyJades(jades);
    expect(new TextDecoder().decode(result.payload)).toBe(jades.payload);
    const key = await importX509(seal.pem, "ES256");
    // generalVerify hides the reason (every failure is "signature verification failed");
    // flattenedVerify on the one signature shows it is the unrecognised critical header.
    await expect(generalVerify(jades, key)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
    await expect(flattenedVerify({ ...jades.signatures[0]!, payload: jades.payload }, key)).rejects.toThrow(
      /"sigT" is not recognized/,
    );
  });

  it("binds the seal to the issuer: certificate organizationIdentifier = issuer.eIDASIdentifier.notation", () => {
    const subject = new X509Certificate(Buffer.from(sealed.seal.x5c, "base64")).subject;
    const notation = String(at(sealed.credential, "issuer.eIDASIdentifier.notation"));
    expect(subject).toContain(`organizationIdentifier=${notation}`);
    expect(subject).toContain("O=Northbridge School of Nursing");
  });

  it("a changed claim in the payload breaks the seal", async () => {
    const tampered = tamperJades(sealed.jades, "credentialSubject.hasClaim.title.en", "Advanced Life Support");
    await expect(verifyJades(tampered)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it("RS256 seals work too", async () => {
    const seal = await createSealCertificate({ alg: "RS256" });
    const { jades } = await issueEdc({ seal });
    expect(decodeProtectedHeader({ protected: jades.signatures[0]!.protected, payload: "", signature: "" }).alg).toBe(
      "RS256",
    );
    await expect(verifyJades(jades)).resolves.toBeDefined();
  });
});

describe("EDC credential content", () => {
  const credential = buildEuropeanDigitalCredential({ now: NOW, validUntil: "2031-03-02T00:00:00Z" });
  const get = (path: string) => at(credential, path);

  it("expands in JSON-LD safe mode with the vendored edc-ap context (every term defined)", async () => {
    const expanded = await jsonld.expand(credential, { documentLoader: createDocumentLoader(), safe: true });
    expect(expanded).toHaveLength(1);
  });

  it("carries the Annex I elements", () => {
    const claim = "credentialSubject.hasClaim";
    const q = `${claim}.specifiedBy`;
    expect(credential.type).toEqual(["VerifiableCredential", "EuropeanDigitalCredential"]);
    expect(get("credentialSubject.fullName")).toEqual({ en: "Aoife Byrne" });
    expect(get("credentialSubject.contactPoint.emailAddress.id")).toBe("mailto:aoife.byrne@example.org");
    expect(get(`${claim}.title`)).toEqual({ en: "ICD-11 Clinical Coding Fundamentals" });
    expect(get(`${claim}.awardedBy.awardingBody.location.address.countryCode.id`)).toBe(
      "http://publications.europa.eu/resource/authority/country/IRL",
    );
    expect(get(`${q}.eqfLevel.id`)).toBe("http://data.europa.eu/snb/eqf/5");
    expect(get(`${q}.creditPoint`)).toMatchObject({
      point: "1",
      framework: { id: "http://data.europa.eu/snb/education-credit/6fcec5c5af" },
    });
    expect(get(`${q}.volumeOfLearning`)).toBe("PT25H");
    expect(get(`${q}.learningOutcome[0].relatedESCOSkill[0]`)).toMatchObject({ prefLabel: { en: "clinical coding" } });
    expect(get(`${q}.entryRequirement.noteLiteral.en`)).toContain("Registered nurse");
    expect(get(`${q}.mode.prefLabel.en`)).toBe("Online");
    expect(get(`${q}.accreditation.type`)).toBe("Accreditation");
    expect(get(`${claim}.provenBy.grade.noteLiteral.en`)).toBe("Pass (86 %)");
    expect(get(`${claim}.provenBy.idVerification.prefLabel.en`)).toBe("Supervised with ID verification");
    expect(get(`${claim}.provenBy.specifiedBy.dcType.prefLabel.en`)).toBe("Supervised online coding assessment");
    expect(credential).toMatchObject({
      issuanceDate: NOW,
      issued: NOW,
      validFrom: NOW,
      expirationDate: "2031-03-02T00:00:00Z",
    });
  });
});

describe("EDC signed by a did:key issuer (Data Integrity)", () => {
  it("verifies with the reference pipeline; the issuing organisation is the DID, and a changed workload breaks it", async () => {
    const issuer = await createEd25519Issuer();
    const credential = await issueEdcWithDid(issuer, { now: NOW, achievement: { hours: 30, ects: 1 } });
    expect(credential.proof).toMatchObject({
      cryptosuite: "eddsa-rdfc-2022",
      verificationMethod: issuer.verificationMethod,
    });
    expect(at(credential, ["issuer", "id"])).toBe(issuer.did);
    expect(at(credential, ["issuer", "eIDASIdentifier", "id"])).toBe(`${issuer.did}#eidas`);
    const specification = ["credentialSubject", "hasClaim", "specifiedBy"];
    expect(at(credential, [...specification, "volumeOfLearning"])).toBe("PT30H");
    expect(at(credential, [...specification, "creditPoint", "point"])).toBe("1");
    expect((await verifyEmbedded(credential)).verified).toBe(true);
    const inflated = tamper(credential, [...specification, "volumeOfLearning"], "PT300H");
    expect((await verifyEmbedded(inflated)).verified).toBe(false);
  });
});

describe("EDCI 1.x XML", () => {
  it("is well-formed europassCredential XML in the snb namespace with the core elements", () => {
    const xml = buildEdciXml({ now: NOW });
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: false }).parse(xml);
    const root = doc.europassCredential;
    expect(root["@_xmlns"]).toBe("http://data.europa.eu/snb");
    expect(root.title.text["#text"]).toBe("ICD-11 Clinical Coding Fundamentals");
    expect(root["cred:issued"]).toBe(NOW);
    const qualification = root.learningSpecificationReferences.qualification;
    expect(qualification.volumeOfLearning).toBe("PT25H");
    expect(qualification.ectsCreditPoints).toBe(1);
    expect(qualification.eqfLevel["@_uri"]).toBe("http://data.europa.eu/snb/eqf/5");
    expect(root.agentReferences.organization.registration["#text"]).toBe("VATIE-9876543W");
  });
});
