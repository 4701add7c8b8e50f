/**
 * EDCI 1.x `europassCredential` XML (ELM v2 era, docs/formats/edc.md#edci-1x-xml), unsigned. Element
 * names follow the EC samples (genericschema 1.2, xsdVersion 0.10.0); it is not XSD-validated.
 * `ectsCreditPoints` is not in any sample we hold and is included best-effort.
 */
import { randomUUID } from "node:crypto";
import { resolveCommon, type CommonOptions } from "./defaults";
import { countryUri } from "./edc-vocab";

export const EDCI_NAMESPACE = "http://data.europa.eu/snb";
const CRED_NAMESPACE = "http://data.europa.eu/europass/model/credentials/w3c#";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const text = (tag: string, value: string, indent: string) =>
  `${indent}<${tag}>\n${indent}  <text content-type="text/plain" lang="en">${esc(value)}</text>\n${indent}</${tag}>`;

function code(tag: string, uri: string, framework: string, name: string, indent: string): string {
  return [
    `${indent}<${tag} targetFrameworkUrl="${esc(framework)}" uri="${esc(uri)}">`,
    text("targetName", name, `${indent}  `),
    `${indent}</${tag}>`,
  ].join("\n");
}

export function buildEdciXml(options: CommonOptions = {}): string {
  const r = resolveCommon({ ...options, id: options.id ?? `urn:credential:${randomUUID()}` });
  const a = r.achievement;
  const [given = r.recipient.name, ...family] = r.recipient.name.split(" ");
  const outcomes = a.learningOutcomes.map((title, i) =>
    [
      `    <learningOutcome id="urn:epass:learningOutcome:${i + 1}">`,
      text("prefLabel", title, "      "),
      ...a.skills
        .filter((_, j) => j % a.learningOutcomes.length === i)
        .map((s) => code("relatedEscoSkill", s.uri, "http://data.europa.eu/esco/model#Skill", s.name, "      ")),
      "    </learningOutcome>",
    ].join("\n"),
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<europassCredential xmlns="${EDCI_NAMESPACE}" xmlns:cred="${CRED_NAMESPACE}" cred:id="${esc(r.id)}" xsdVersion="0.10.0">
${code("type", "http://data.europa.eu/snb/credential/e34929035b", "http://data.europa.eu/snb/credential/25831c2", "Generic", "  ")}
  <primaryLanguage>en</primaryLanguage>
  <cred:validFrom>${r.validFrom}</cred:validFrom>
  <cred:issued>${r.now}</cred:issued>${r.validUntil ? `\n  <cred:expirationDate>${r.validUntil}</cred:expirationDate>` : ""}
  <cred:issuer idref="urn:epass:org:1"/>
${text("title", a.name, "  ")}
  <credentialSubject id="urn:epass:person:1">
    <contactPoint>
      <mailBox uri="mailto:${esc(r.recipient.email)}"/>
    </contactPoint>
${text("fullName", r.recipient.name, "    ")}
${text("givenNames", given, "    ")}
${text("familyName", family.join(" ") || given, "    ")}
    <achievements>
      <learningAchievement id="urn:epass:learningAchievement:1">
${text("title", a.name, "        ")}
        <wasAwardedBy idref="urn:epass:awardingProcess:1"/>
        <specifiedBy idref="urn:epass:learningSpecification:1"/>
      </learningAchievement>
    </achievements>
  </credentialSubject>
  <learningSpecificationReferences>
    <qualification id="urn:epass:learningSpecification:1">
${text("title", a.name, "      ")}
${text("description", a.description, "      ")}
      <volumeOfLearning>PT${a.hours}H</volumeOfLearning>
      <ectsCreditPoints>${a.ects}</ectsCreditPoints>
${code("mode", "http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "http://data.europa.eu/snb/learning-assessment/25831c2", a.participation, "      ")}
      <learningOutcomes>
${a.learningOutcomes.map((_, i) => `        <learningOutcome idref="urn:epass:learningOutcome:${i + 1}"/>`).join("\n")}
      </learningOutcomes>
      <isPartialQualification>false</isPartialQualification>
${code("eqfLevel", `http://data.europa.eu/snb/eqf/${a.eqfLevel}`, "http://data.europa.eu/snb/eqf/25831c2", `Level ${a.eqfLevel}`, "      ")}
    </qualification>
  </learningSpecificationReferences>
  <learningOutcomeReferences>
${outcomes.join("\n")}
  </learningOutcomeReferences>
  <agentReferences>
    <organization id="urn:epass:org:1">
      <registration spatialID="${esc(r.issuer.countryCode)}">${esc(r.issuer.legalIdentifier)}</registration>
${text("prefLabel", r.issuer.name, "      ")}
      <homepage uri="${esc(r.issuer.url)}"/>
      <hasLocation>
        <id>urn:epass:location:1</id>
        <hasAddress>
${code("country", countryUri(r.issuer.countryCode), "http://publications.europa.eu/resource/authority/country", r.issuer.country, "          ")}
        </hasAddress>
      </hasLocation>
    </organization>
  </agentReferences>
  <awardingProcessReferences>
    <awardingProcess id="urn:epass:awardingProcess:1">
      <awardingBody idref="urn:epass:org:1"/>
      <awardingDate>${r.validFrom}</awardingDate>
    </awardingProcess>
  </awardingProcessReferences>
</europassCredential>
`;
}
