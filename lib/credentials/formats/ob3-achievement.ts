import type { Assessment, RelatedAchievement, Workload } from "../record";
import { readAlignments } from "./alignment";
import { idOf, isRecord, num, records, str, strings, text, type Json } from "./json";

/**
 * Workload as stated. Edubadges (contexts/educredential.json) gives `ECTS` and study hours
 * (`SBU`, `studyLoad`, `timeInvestment`). OB 3.0's own `creditsAvailable`/`creditsEarned` are
 * "credit hours" of an unstated system (US semester credits, CE contact hours, or ECTS), so they
 * are recorded as `credits` (and in `source`) and never counted as hours or ECTS.
 */
function workloadOf(achievement: Json, subject: Json): Workload {
  const ects = num(achievement.ECTS);
  const hoursField = (["SBU", "studyLoad", "timeInvestment"] as const).find((f) => num(achievement[f]) !== undefined);
  const hours = hoursField ? num(achievement[hoursField]) : undefined;
  const credits = num(achievement.creditsAvailable);
  const earned = num(subject.creditsEarned);
  const source = [
    ects !== undefined ? `Edubadges ECTS ${ects}` : "",
    hoursField ? `Edubadges ${hoursField} ${hours} h` : "",
    credits !== undefined ? `OB 3.0 creditsAvailable ${credits} (credit unit not stated)` : "",
    earned !== undefined ? `OB 3.0 creditsEarned ${earned} (credit unit not stated)` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return { hours, ects, credits: credits ?? earned, source: source || undefined };
}

/** "Final Project Grade: 8.5": the first result with a value, named by its ResultDescription. */
function gradeOf(achievement: Json, subject: Json): string | undefined {
  const descriptions = new Map(records(achievement.resultDescription).map((d) => [idOf(d) ?? "", text(d.name)]));
  for (const result of records(subject.result)) {
    const value = text(result.value) ?? text(result.achievedLevel);
    if (!value) continue;
    const name = descriptions.get(idOf(result.resultDescription) ?? "");
    return name ? `${name}: ${value}` : value;
  }
  return undefined;
}

function assessmentOf(achievement: Json, subject: Json): Assessment {
  const checked = achievement.identityChecked;
  return {
    type: text(achievement.assessmentType),
    supervision: text(achievement.supervisionType),
    identityVerified: checked === true ? "Identity checked" : checked === false ? "Identity not checked" : undefined,
    grade: gradeOf(achievement, subject),
  };
}

function relatedOf(achievement: Json): RelatedAchievement[] {
  return records(achievement.related).map((r) => {
    const language = str(r.inLanguage);
    return {
      relation: "related",
      targetId: idOf(r),
      title: text(r.name) ?? (language ? `Edition in ${language}` : undefined),
    };
  });
}

/** Everything an OB 3.0 Achievement (+ its AchievementSubject) says beyond title and issuer. */
export function achievementDraft(achievement: Json, subject: Json) {
  const alignment = readAlignments(achievement.alignment);
  const criteria = achievement.criteria;
  return {
    achievementId: idOf(achievement),
    achievementType: str(achievement.achievementType),
    criteria: isRecord(criteria)
      ? { narrative: text(criteria.narrative), url: idOf(criteria) }
      : { url: str(criteria) },
    skills: alignment.skills,
    level: alignment.eqf !== undefined ? { eqf: alignment.eqf, framework: "EQF" } : undefined,
    qualityAssurance: alignment.qualityAssurance,
    workload: workloadOf(achievement, subject),
    assessment: assessmentOf(achievement, subject),
    participation: text(achievement.participationType),
    related: relatedOf(achievement),
    tags: [...strings(achievement.tag), ...strings(achievement.fieldOfStudy)],
    language: str(achievement.inLanguage),
  };
}
