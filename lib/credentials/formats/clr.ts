import type { RecordDraft } from "../normalize/draft";
import type { RelatedAchievement, RelationType } from "../record";
import { interpretChildren } from "./children";
import { finish } from "./finish";
import { firstRecord, idOf, list, own, records, str, text, type Json } from "./json";
import { subjectRecipient } from "./ob3";
import type { Env, InterpretedCredential } from "./types";
import { evidenceList, imageOf, profileParty, requireVcStructure, securingOf, statusRefs, vcDates } from "./vc-common";

const RELATION: Record<string, RelationType> = {
  isParentOf: "parent-of",
  isChildOf: "child-of",
  isPartOf: "part-of",
  precedes: "precedes",
};
// Seen from the target's side. "precedes" has no "follows" in the record model, so it reads as related.
const INVERSE: Record<RelationType, RelationType> = {
  "parent-of": "child-of",
  "child-of": "parent-of",
  "part-of": "has-part",
  "has-part": "part-of",
  precedes: "related",
  related: "related",
};

/** CLR `association[]` (sourceId → targetId, between achievement ids) as links on both ends. */
export function associationLinks(subject: Json): Map<string, RelatedAchievement[]> {
  const names = new Map(records(subject.achievement).map((a) => [idOf(a) ?? "", text(a.name)]));
  const links = new Map<string, RelatedAchievement[]>();
  const add = (from: string, link: RelatedAchievement) => links.set(from, [...(links.get(from) ?? []), link]);
  for (const a of records(subject.association)) {
    const source = str(a.sourceId);
    const target = str(a.targetId);
    if (!source || !target) continue;
    const relation = own(RELATION, str(a.associationType)) ?? "related";
    add(source, { relation, targetId: target, title: names.get(target) });
    add(target, { relation: INVERSE[relation], targetId: source, title: names.get(source) });
  }
  return links;
}

/** Links between siblings carry ids only until every sibling is read; then their titles are filled in. */
function fillTitles(children: InterpretedCredential[]): void {
  // Associations link achievement ids. Real CLRs reuse one achievement id for several
  // achievements; such an id names no single title, so it stays untitled rather than guessed.
  const titles = new Map<string, string | null>();
  for (const c of children) {
    const id = c.record.achievementId;
    if (id) titles.set(id, titles.has(id) && titles.get(id) !== c.record.title ? null : c.record.title);
  }
  for (const child of children) {
    for (const link of child.record.related) {
      const title = link.targetId && !link.title ? titles.get(link.targetId) : undefined;
      if (title) link.title = title;
    }
  }
}

/**
 * CLR 2.0 ClrCredential: one record for the CLR itself (kind by the structure rule), and each
 * `verifiableCredential[]` entry (JSON or JWT) interpreted as a child with its own proof.
 */
export async function interpretClr(value: Json, env: Env): Promise<InterpretedCredential> {
  const version = requireVcStructure(value, "learner record");
  const subject = firstRecord(value.credentialSubject) ?? {};
  const { children, skipped } = await interpretChildren(list(subject.verifiableCredential), env, {
    associations: associationLinks(subject),
  });
  fillTitles(children);
  const parts: RelatedAchievement[] = [
    ...children.map((c): RelatedAchievement => ({
      relation: "has-part",
      targetId: c.record.achievementId ?? c.record.credentialId,
      title: c.record.title,
    })),
    ...records(subject.achievement).map((a): RelatedAchievement => ({
      relation: "has-part",
      targetId: idOf(a),
      title: text(a.name),
    })),
  ];
  const draft: RecordDraft = {
    format: "clr2",
    formatVersion: "2.0",
    formatName: version === "1.1" ? "CLR 2.0 (VC 1.1)" : "CLR 2.0",
    ...securingOf(value, env),
    container: env.container,
    title: text(value.name),
    titleFallback: "Comprehensive Learner Record",
    description: text(value.description),
    credentialId: str(value.id),
    issuer: profileParty(value.issuer),
    recipient: subjectRecipient(subject),
    dates: vcDates(value),
    evidence: evidenceList(value.evidence),
    // ClrCredential.image (CLR 2.0): the learner record's own picture.
    image: imageOf(env, value.image),
    related: parts,
    status: statusRefs(value.credentialStatus),
    structure: "clr",
  };
  return { record: finish(draft, env), payload: value, children, ...(skipped.length > 0 ? { skipped } : {}) };
}
