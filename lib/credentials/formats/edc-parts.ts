import { durationToHours } from "../normalize/duration";
import { eqfLevel } from "../normalize/eqf";
import type { Assessment, LearningOutcome, Level, RelatedAchievement, RelationType, Skill, Workload } from "../record";
import { frameworkFromUrl } from "./alignment";
import { conceptLabel, noteText } from "./elm";
import { firstRecord, idOf, isRecord, list, num, records, str, text, type Json } from "./json";

const ECTS_CONCEPT = /\/education-credit\/6fcec5c5af$/i;
const local = (id: string | undefined) => (id && /^urn:epass:/i.test(id) ? undefined : id);

/** `learningOutcome[]` with their ESCO skills (`relatedESCOSkill`) and other skills (`relatedSkill`). */
export function outcomesAndSkills(spec: Json): { learningOutcomes: LearningOutcome[]; skills: Skill[] } {
  const learningOutcomes: LearningOutcome[] = [];
  const skills: Skill[] = [];
  for (const lo of records(spec.learningOutcome)) {
    const esco = records(lo.relatedESCOSkill).map((s): Skill => ({
      name: conceptLabel(s) ?? idOf(s) ?? "",
      framework: "ESCO",
      url: idOf(s),
    }));
    const other = records(lo.relatedSkill).map((s): Skill => ({
      name: conceptLabel(s) ?? idOf(s) ?? "",
      framework: frameworkFromUrl(idOf(s)),
      url: idOf(s),
    }));
    skills.push(...esco, ...other);
    const title = text(lo.title) ?? esco[0]?.name ?? other[0]?.name;
    if (title)
      learningOutcomes.push({
        title,
        description: text(lo.description),
        framework: esco.length > 0 ? "ESCO" : undefined,
        url: local(idOf(lo)),
      });
  }
  return { learningOutcomes, skills };
}

/**
 * Both figures are kept as found: `creditPoint` in the ECTS framework → ects, `volumeOfLearning`
 * (ISO 8601) → hours. A calendar-only duration ("P60M") stays in `source`, unconverted.
 */
export function workloadOf(spec: Json): Workload {
  const ectsPoint = records(spec.creditPoint).find((cp) => {
    const framework = firstRecord(cp.framework);
    return (
      ECTS_CONCEPT.test(idOf(framework) ?? "") || /ECTS|European Credit Transfer/i.test(conceptLabel(framework) ?? "")
    );
  });
  const ects = num(ectsPoint?.point);
  const volume = str(spec.volumeOfLearning);
  const hours = durationToHours(volume);
  const source = [
    ects !== undefined ? `ELM creditPoint ${ects} ECTS` : "",
    volume
      ? `ELM volumeOfLearning ${volume}${hours === undefined ? " (a calendar duration, not converted to hours)" : ""}`
      : "",
  ]
    .filter(Boolean)
    .join("; ");
  return { ects, hours, source: source || undefined };
}

export function levelOf(spec: Json): Level | undefined {
  const eqfNode = firstRecord(spec.eqfLevel) ?? spec.eqfLevel;
  const eqf = eqfLevel(idOf(eqfNode), conceptLabel(eqfNode));
  const nqf = conceptLabel(spec.nqfLevel);
  return eqf !== undefined || nqf ? { eqf, nqf, framework: eqf !== undefined ? "EQF" : undefined } : undefined;
}

/** `provenBy` (LearningAssessment): its type, grade and the supervision/ID-verification concept. */
export function assessmentOf(achievement: Json): Assessment | undefined {
  const proof = firstRecord(achievement.provenBy);
  if (!proof) return undefined;
  const spec = firstRecord(proof.specifiedBy);
  return {
    type: conceptLabel(spec?.dcType) ?? text(spec?.title) ?? text(proof.title),
    description: text(proof.description),
    grade: noteText(proof.grade),
    supervision: conceptLabel(proof.idVerification),
  };
}

/** `mode` (Online, Blended, …) with the learning setting (formal / non-formal) when given. */
export function participationOf(spec: Json, achievement: Json): string | undefined {
  const activity = firstRecord(firstRecord(achievement.influencedBy)?.specifiedBy);
  const mode = conceptLabel(spec.mode) ?? conceptLabel(activity?.mode);
  return [mode, conceptLabel(spec.learningSetting)].filter(Boolean).join(" · ") || undefined;
}

/** Accreditations (ELM's "quality assurance or licensing") wherever they are attached. */
export function qualityAssuranceOf(...holders: unknown[]): string[] {
  return records(holders).flatMap((h) =>
    records(h.accreditation).map((a) => text(a.title) ?? conceptLabel(a.dcType) ?? idOf(a) ?? "Accredited"),
  );
}

/** `isPartOf` / `hasPart` links; within-document ids (urn:epass:…) are kept, they still show the structure. */
export function relatedOf(...nodes: unknown[]): RelatedAchievement[] {
  const pairs: [string, RelationType][] = [
    ["isPartOf", "part-of"],
    ["hasPart", "has-part"],
  ];
  return records(nodes).flatMap((node) =>
    pairs.flatMap(([key, relation]) =>
      list(node[key]).map((target): RelatedAchievement => ({
        relation,
        targetId: idOf(target),
        title: isRecord(target) ? text(target.title) : undefined,
      })),
    ),
  );
}
