/**
 * SD-JWT VC (IETF draft-ietf-oauth-sd-jwt-vc): a flat set of claims the issuer signed, some of
 * them disclosed by the holder. The registered claims say who and when (`iss`, `iat`, `nbf`,
 * `exp`, `vct`, `status`, `cnf`); what the credential certifies has no standard vocabulary yet, so
 * Tessera reads the plain names issuers use for it — including the EU Digital Identity Wallet's
 * Learning Credential (`urn:eu.europa.ec.eudi:learning:credential:1`) — as listed in
 * docs/formats/sd-jwt-vc.md#claims.
 * Only disclosed claims are read: an undisclosed one is simply absent.
 */
import type { LearningOutcome, Skill } from "../record";
import type { RecordDraft } from "../normalize/draft";
import { NotACredentialError } from "./errors";
import { finish } from "./finish";
import { firstRecord, isRecord, list, num, str, text, type Json } from "./json";
import type { Env, InterpretedCredential } from "./types";

const iso = (seconds: unknown) =>
  typeof seconds === "number" && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;

/** "https://credentials.example/vct/first-aid-at-work" → "First aid at work". */
function vctTitle(vct: string): string | undefined {
  const last = vct.split(/[/:#]/).filter(Boolean).pop();
  if (!last || /^v?\d+(?:\.\d+)*$/.test(last)) return undefined;
  const words = last
    .replace(/[-_]+/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : undefined;
}

function firstText(claims: Json, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = text(claims[key]);
    if (value) return value;
  }
  return undefined;
}

function outcomesOf(value: unknown): LearningOutcome[] {
  return list(value).flatMap((o): LearningOutcome[] => {
    if (typeof o === "string") return o.trim() ? [{ title: o }] : [];
    const title = isRecord(o) ? (text(o.title) ?? text(o.name)) : undefined;
    return title && isRecord(o) ? [{ title, description: text(o.description) }] : [];
  });
}

function skillsOf(value: unknown): Skill[] {
  return list(value).flatMap((s): Skill[] => {
    if (typeof s === "string") return s.trim() ? [{ name: s }] : [];
    const name = isRecord(s) ? (text(s.name) ?? text(s.title)) : undefined;
    return name && isRecord(s) ? [{ name, framework: text(s.framework), code: str(s.code), url: str(s.url) }] : [];
  });
}

export async function interpretSdJwtVc(claims: Json, env: Env, alg: string): Promise<InterpretedCredential> {
  const vct = str(claims.vct);
  if (!vct)
    throw new NotACredentialError(
      "missing_required_field",
      "This selectively disclosed credential does not say what type of credential it is (no vct).",
    );
  const iss = str(claims.iss);
  const achievement = firstRecord(claims.achievement) ?? {};
  const issuerObject = firstRecord(claims.issuer) ?? {};
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ");
  const hours = num(claims.workload_hours) ?? num(claims.hours);
  const ects = num(claims.ects) ?? num(claims.ects_points) ?? num(claims.credits);
  const eqf = num(claims.eqf_level) ?? num(claims.eqf);
  const subject = str(claims.sub);
  const draft: RecordDraft = {
    format: "sd-jwt-vc",
    formatName: "SD-JWT VC",
    securing: "sd-jwt",
    proofType: alg,
    container: env.container,
    title: firstText(claims, "title", "achievement_title", "name", "credential_name") ?? text(achievement.name),
    titleFallback: vctTitle(vct) ?? "Selectively disclosable credential",
    description: firstText(claims, "description", "achievement_description") ?? text(achievement.description),
    credentialId: str(claims.jti),
    achievementType: vct,
    issuer: {
      id: iss,
      name: firstText(claims, "issuer_name", "issuing_authority") ?? text(issuerObject.name),
      url: iss?.startsWith("https://") ? iss : undefined,
      country: firstText(claims, "issuer_country", "issuing_country") ?? text(issuerObject.country),
    },
    recipient: {
      name: text(claims.name_of_holder) ?? (given || undefined),
      identifiers: [
        ...(subject?.startsWith("did:") ? [{ type: "did" as const, value: subject }] : []),
        ...(str(claims.email) ? [{ type: "email" as const, value: str(claims.email)! }] : []),
      ],
    },
    dates: {
      issued: str(claims.date_of_issuance) ?? iso(claims.iat),
      validFrom: iso(claims.nbf) ?? str(claims.date_of_issuance) ?? iso(claims.iat),
      validUntil: str(claims.date_of_expiry) ?? iso(claims.exp),
    },
    learningOutcomes: outcomesOf(claims.learning_outcomes ?? achievement.learning_outcomes),
    skills: skillsOf(claims.skills),
    ...(hours !== undefined || ects !== undefined
      ? { workload: { hours, ects, source: "SD-JWT VC workload claims" } }
      : {}),
    ...(eqf !== undefined ? { level: { eqf } } : {}),
    ...(text(claims.assessment_type) || text(claims.assessment_grade)
      ? { assessment: { type: text(claims.assessment_type), grade: text(claims.assessment_grade) } }
      : {}),
    ...(text(claims.participation) ? { participation: text(claims.participation) } : {}),
    ...(isRecord(claims.status) && isRecord(claims.status.status_list)
      ? {
          status: [
            {
              type: "TokenStatusList",
              statusListCredential: str(claims.status.status_list.uri),
              statusListIndex: String(num(claims.status.status_list.idx) ?? ""),
            },
          ],
        }
      : {}),
  };
  return { record: finish(draft, env), payload: claims, children: [] };
}
