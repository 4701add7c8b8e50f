import { describe, expect, it } from "vitest";
import { parseXmlSafe } from "@/lib/hostile-input/xml";
import { interpretCredential } from "./index";

const text = (en: string, fr?: string) =>
  `<text content-type="text/plain" lang="fr">${fr ?? en}</text><text content-type="text/plain" lang="en">${en}</text>`;

function credentialXml(signature: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<europassCredential xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" cred:id="urn:credential:b471" xsdVersion="0.10.0">
  <primaryLanguage>en</primaryLanguage>
  <cred:validFrom>2021-02-12T14:14:24Z</cred:validFrom>
  <cred:issued>2021-09-03T10:00:04Z</cred:issued>
  <cred:expirationDate>2031-09-03T10:00:04Z</cred:expirationDate>
  <cred:issuer idref="urn:epass:org:2"/>
  <title>${text("Sewing course", "Couture en ligne")}</title>
  <description>${text("A total of 100 hours.")}</description>
  <credentialSubject id="urn:epass:person:1">
    <contactPoint><mailBox uri="mailto:lilly@example.org"/></contactPoint>
    <fullName>${text("Lilly Rose")}</fullName>
    <dateOfBirth>2001-02-01</dateOfBirth>
    <achievements>
      <learningAchievement id="urn:epass:learningAchievement:1">
        <title>${text("Sewing techniques")}</title>
        <wasAwardedBy idref="urn:epass:awardingProcess:1"/>
        <specifiedBy idref="urn:epass:qualification:1"/>
      </learningAchievement>
    </achievements>
  </credentialSubject>
  <learningSpecificationReferences>
    <qualification id="urn:epass:qualification:1">
      <type uri="http://data.europa.eu/snb/learning-opportunity/0f7dac46ca"><targetName>${text("Programme module")}</targetName></type>
      <title>${text("Sewing techniques")}</title>
      <volumeOfLearning>PT100H</volumeOfLearning>
      <ectsCreditPoints>4</ectsCreditPoints>
      <mode uri="http://data.europa.eu/snb/learning-assessment/920fbb3cbe"><targetName>${text("Online")}</targetName></mode>
      <learningOutcomes><learningOutcome idref="urn:epass:learningOutcome:1"/></learningOutcomes>
      <eqfLevel uri="http://data.europa.eu/snb/eqf/4"><targetName>${text("Level 4")}</targetName></eqfLevel>
    </qualification>
  </learningSpecificationReferences>
  <learningOutcomeReferences>
    <learningOutcome id="urn:epass:learningOutcome:1">
      <prefLabel>${text("Sew a seam by machine")}</prefLabel>
      <relatedEscoSkill uri="http://data.europa.eu/esco/skill/2ac79be0"><targetName>${text("operate sewing machines")}</targetName></relatedEscoSkill>
    </learningOutcome>
  </learningOutcomeReferences>
  <agentReferences>
    <organization id="urn:epass:org:1">
      <registration>FRX10101010</registration>
      <prefLabel>${text("L'Artesane")}</prefLabel>
      <hasLocation><hasAddress><country uri="http://publications.europa.eu/resource/authority/country/FRA"/></hasAddress></hasLocation>
    </organization>
    <organization id="urn:epass:org:2">
      <registration spatialID="ES">VATES-B00000000</registration>
      <prefLabel>${text("Test Seal Service")}</prefLabel>
      <homepage uri="https://seal.example"/>
      <hasLocation><hasAddress><country uri="http://publications.europa.eu/resource/authority/country/ESP"/></hasAddress></hasLocation>
    </organization>
  </agentReferences>
  <awardingProcessReferences>
    <awardingProcess id="urn:epass:awardingProcess:1"><awardingBody idref="urn:epass:org:1"/><date>2021-01-15T18:00:00+01:00</date></awardingProcess>
  </awardingProcessReferences>
  <proof>${signature}</proof>
</europassCredential>`;
}

const SIGNATURE = `<ds:Signature Id="s1"><ds:SignedInfo><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>`;

async function interpretXml(xml: string) {
  const parsed = parseXmlSafe(xml);
  return interpretCredential(
    { kind: "xml", root: parsed.root, document: parsed.value, text: xml },
    { container: "xml" },
  );
}

describe("EDCI 1.x XML", () => {
  it("reads title, issuer, learner, dates, outcomes, workload, ECTS and EQF; XAdES when signed", async () => {
    const { record } = await interpretXml(credentialXml(SIGNATURE));
    expect(record).toMatchObject({
      format: "edc",
      formatVersion: "EDCI 1",
      securing: "xades",
      proofType: "rsa-sha256",
      container: "xml",
      formatLabel: "Europass credential (EDCI 1.x XML) · XAdES seal (rsa-sha256)",
      title: "Sewing course",
      description: "A total of 100 hours.",
      credentialId: "urn:credential:b471",
      achievementType: "Programme module",
      participation: "Online",
      language: "en",
    });
    expect(record.issuer).toEqual({
      id: "urn:epass:org:2",
      name: "Test Seal Service",
      url: "https://seal.example",
      country: "ESP",
      legalIdentifier: "VATES-B00000000",
    });
    expect(record.awardingBody).toEqual({
      id: "urn:epass:org:1",
      name: "L'Artesane",
      country: "FRA",
      legalIdentifier: "FRX10101010",
    });
    expect(record.recipient).toEqual({
      name: "Lilly Rose",
      identifiers: [{ type: "email", value: "lilly@example.org" }],
    });
    expect(record.dates).toEqual({
      issued: "2021-09-03T10:00:04.000Z",
      validFrom: "2021-02-12T14:14:24.000Z",
      validUntil: "2031-09-03T10:00:04.000Z",
      awarded: "2021-01-15T17:00:00.000Z",
    });
    expect(record.learningOutcomes).toEqual([{ title: "Sew a seam by machine", framework: "ESCO" }]);
    expect(record.skills).toEqual([
      { name: "operate sewing machines", framework: "ESCO", url: "http://data.europa.eu/esco/skill/2ac79be0" },
    ]);
    expect(record.workload).toEqual({ hours: 100, ects: 4, source: "EDCI volume of learning PT100H; EDCI 4 ECTS" });
    expect(record.level).toEqual({ eqf: 4, framework: "EQF" });
    expect(record.kind).toBe("micro-credential");
  });

  it("is unsigned without a ds:Signature", async () => {
    const { record } = await interpretXml(credentialXml(""));
    expect(record.securing).toBe("none");
    expect(record.proofType).toBeUndefined();
  });

  it("refuses XML that is not a Europass credential", async () => {
    const xml = `<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`;
    await expect(interpretXml(xml)).rejects.toMatchObject({ reason: "unsupported_format" });
  });
});
