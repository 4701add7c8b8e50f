import { durationToHours } from "../normalize/duration";
import { eqfLevel } from "../normalize/eqf";
import type { RecordDraft, PartyDraft } from "../normalize/draft";
import type { LearningOutcome, Level, RecipientIdentifier, Skill } from "../record";
import { authorityCode } from "./elm";
import { NotACredentialError } from "./errors";
import { finish } from "./finish";
import { isRecord, num, type Json } from "./json";
import type { Env, InterpretedCredential } from "./types";
import { attr, byRef, child, findAll, kids, langText, localName, plain } from "./xml-read";

const XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";

function orgParty(org: Json | undefined): PartyDraft {
  if (!org) return {};
  return {
    id: attr(org, "id"),
    name: langText(child(org, "prefLabel")) ?? langText(child(org, "altLabel")),
    url: attr(child(org, "homepage"), "uri"),
    legalIdentifier: plain(child(org, "registration")),
    country: authorityCode(attr(child(child(child(org, "hasLocation"), "hasAddress"), "country"), "uri")),
  };
}

function learner(subject: unknown): { name?: string; identifiers: RecipientIdentifier[] } {
  const email = attr(child(child(subject, "contactPoint"), "mailBox"), "uri")?.replace(/^mailto:/i, "");
  const nationalId = plain(child(subject, "nationalId"));
  const given = [langText(child(subject, "givenNames")), langText(child(subject, "familyName"))]
    .filter(Boolean)
    .join(" ");
  return {
    name: langText(child(subject, "fullName")) ?? (given || undefined),
    identifiers: [
      ...(email ? [{ type: "email" as const, value: email }] : []),
      ...(nationalId ? [{ type: "national-id" as const, value: nationalId }] : []),
    ],
  };
}

function outcomes(spec: Json | undefined, pool: Json[]): { learningOutcomes: LearningOutcome[]; skills: Skill[] } {
  const learningOutcomes: LearningOutcome[] = [];
  const skills: Skill[] = [];
  for (const pointer of kids(child(spec, "learningOutcomes"), "learningOutcome")) {
    const lo = byRef(pool, pointer);
    if (!lo) continue;
    const esco = kids(lo, "relatedEscoSkill").map((s): Skill => ({
      name: langText(child(s, "targetName")) ?? attr(s, "uri") ?? "",
      framework: "ESCO",
      url: attr(s, "uri"),
    }));
    skills.push(...esco);
    const title = langText(child(lo, "prefLabel")) ?? langText(child(lo, "title")) ?? esco[0]?.name;
    if (title)
      learningOutcomes.push({
        title,
        description: langText(child(lo, "description")),
        framework: esco.length > 0 ? "ESCO" : undefined,
      });
  }
  return { learningOutcomes, skills };
}

function levelOf(spec: Json | undefined): Level {
  const node = child(spec, "eqfLevel");
  const eqf = eqfLevel(attr(node, "uri"), langText(child(node, "targetName")));
  return {
    eqf,
    nqf: langText(child(child(spec, "nqfLevel"), "targetName")),
    framework: eqf !== undefined ? "EQF" : undefined,
  };
}

function signatureOf(text: string, root: unknown): { securing: "xades" | "none"; proofType?: string } {
  const signatures = findAll(root, "Signature");
  if (signatures.length === 0 || !text.includes(XMLDSIG)) return { securing: "none" };
  const method = attr(findAll(signatures[0], "SignatureMethod")[0], "Algorithm");
  return { securing: "xades", proofType: method?.slice(method.lastIndexOf("#") + 1) || undefined };
}

/** The credential element: the root, or the one inside a verifiablePresentation root. */
function credentialElement(root: string, document: unknown): Json {
  const top = isRecord(document) && root in document ? document[root] : document;
  const name = localName(root);
  if (name === "europassCredential" && isRecord(top)) return top;
  if (name === "verifiablePresentation") {
    const inner = findAll(top, "europassCredential")[0];
    if (inner) return inner;
    throw new NotACredentialError("empty_presentation", "This Europass presentation contains no credential to import.");
  }
  throw new NotACredentialError(
    "unsupported_format",
    "This XML file is not a Europass credential (EDCI), the only XML credential Tessera reads.",
  );
}

/**
 * EDCI 1.x XML (ELM v2 era; root `europassCredential` or `verifiablePresentation`, namespace
 * http://data.europa.eu/snb). Legacy and display-oriented: title, issuer, learner, dates, the
 * first achievement's learning outcomes, workload, ECTS and EQF where present. Secured by an
 * enveloped XAdES `ds:Signature` when there is one.
 */
export async function interpretEdciXml(
  input: { root: string; document: unknown; text: string },
  env: Env,
): Promise<InterpretedCredential> {
  const cred = credentialElement(input.root, input.document);
  const subject = child(cred, "credentialSubject");
  const orgs = findAll(child(cred, "agentReferences"), "organization");
  const specRefs = child(cred, "learningSpecificationReferences");
  const specs = [...kids(specRefs, "learningSpecification"), ...kids(specRefs, "qualification")];
  const la = kids(child(subject, "achievements"), "learningAchievement")[0];
  const spec = byRef(specs, child(la, "specifiedBy"));
  const process = byRef(
    findAll(child(cred, "awardingProcessReferences"), "awardingProcess"),
    child(la, "wasAwardedBy"),
  );
  const body = byRef(orgs, child(process, "awardingBody"));
  const volume = plain(child(spec, "volumeOfLearning")) ?? plain(child(spec, "workload"));
  const ects = num(plain(child(spec, "ectsCreditPoints")) ?? plain(child(spec, "creditPoints")));
  const grade = plain(child(kids(la, "wasDerivedFrom")[0], "grade"));
  const draft: RecordDraft = {
    format: "edc",
    formatVersion: "EDCI 1",
    formatName: "Europass credential (EDCI 1.x XML)",
    ...signatureOf(input.text, cred),
    container: env.container,
    title: langText(child(cred, "title")) ?? langText(child(la, "title")) ?? langText(child(spec, "title")),
    titleFallback: "Europass credential",
    description: langText(child(cred, "description")) ?? langText(child(la, "description")),
    credentialId: attr(cred, "id"),
    achievementId: attr(spec, "id"),
    achievementType: langText(child(child(spec, "type"), "targetName")),
    issuer: orgParty(byRef(orgs, child(cred, "issuer"))),
    awardingBody: body ? orgParty(body) : undefined,
    recipient: learner(subject),
    dates: {
      issued: plain(child(cred, "issued")),
      validFrom: plain(child(cred, "validFrom")),
      validUntil: plain(child(cred, "expirationDate")) ?? plain(child(cred, "validUntil")),
      awarded: plain(child(process, "date")),
    },
    ...outcomes(spec, findAll(child(cred, "learningOutcomeReferences"), "learningOutcome")),
    workload: {
      hours: durationToHours(volume),
      ects,
      source:
        [volume ? `EDCI volume of learning ${volume}` : "", ects !== undefined ? `EDCI ${ects} ECTS` : ""]
          .filter(Boolean)
          .join("; ") || undefined,
    },
    level: levelOf(spec),
    assessment: grade ? { grade } : undefined,
    participation: langText(child(child(spec, "mode"), "targetName")) ?? plain(child(spec, "mode")),
    related: kids(child(la, "hasPart"), "learningAchievement").map((p) => ({
      relation: "has-part" as const,
      targetId: attr(p, "id"),
      title: langText(child(p, "title")),
    })),
    language: plain(child(cred, "primaryLanguage")),
  };
  return { record: finish(draft, env), payload: input.document, children: [] };
}
