import type {
  CredentialStatusRef,
  Endorsement,
  Evidence,
  LearningOutcome,
  Level,
  Party,
  RelatedAchievement,
  Skill,
  Workload,
} from "../record";
import { normalizeDate } from "./dates";
import type { PartyDraft, RecordDraft } from "./draft";
import { TEXT_LIMITS, cleanId, cleanLine, cleanUrl, lineOrUndefined, multilineOrUndefined } from "./text";

/** The object without its undefined properties, so stored records hold no empty keys. */
export function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const nonEmpty = (o: object) => Object.keys(o).length > 0;

function unique<T>(items: T[], key: (item: T) => string, max: number): T[] {
  const seen = new Set<string>();
  return items
    .filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, max);
}

// Issuer logos can be data: URIs; small ones are kept as found, large ones are dropped (they are
// never rendered directly anyway, and a record is not a place for megabytes).
const MAX_DATA_URI = 64 * 1024;

function imageRefOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^data:image\/[\w.+-]+[;,]/i.test(v)) return v.length <= MAX_DATA_URI && !/\s/.test(v) ? v : undefined;
  return cleanUrl(v);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** A Party always has a name; when the credential gives none, the web host or id stands in. */
export function cleanParty(draft: PartyDraft, fallback: string): { party: Party; invented: boolean } {
  const id = cleanId(draft.id);
  const url = cleanUrl(draft.url);
  const name = lineOrUndefined(draft.name, TEXT_LIMITS.name);
  const email = lineOrUndefined(draft.email?.replace(/^mailto:/i, ""), 320);
  const party = clean({
    id,
    name: name ?? hostOf(url) ?? hostOf(id) ?? (id ? cleanLine(id, TEXT_LIMITS.name) : fallback),
    url,
    email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : undefined,
    imageRef: imageRefOf(draft.imageRef),
    country: lineOrUndefined(draft.country, 100),
    legalIdentifier: lineOrUndefined(draft.legalIdentifier, 200),
  });
  return { party, invented: name === undefined };
}

function outcomes(items: LearningOutcome[] | undefined): LearningOutcome[] {
  const cleaned = (items ?? []).map((o) =>
    clean({
      title: cleanLine(o.title, TEXT_LIMITS.name),
      description: multilineOrUndefined(o.description, 2000),
      framework: lineOrUndefined(o.framework, 200),
      url: cleanUrl(o.url),
    }),
  );
  return unique(
    cleaned.filter((o) => o.title !== ""),
    (o) => `${o.title}\u0000${o.url ?? ""}`,
    200,
  );
}

function skills(items: Skill[] | undefined): Skill[] {
  const cleaned = (items ?? []).map((s) =>
    clean({
      name: cleanLine(s.name, TEXT_LIMITS.name),
      framework: lineOrUndefined(s.framework, 200),
      code: lineOrUndefined(s.code, 100),
      url: cleanUrl(s.url),
    }),
  );
  return unique(
    cleaned.filter((s) => s.name !== ""),
    (s) => s.url ?? `${s.name.toLowerCase()}\u0000${s.framework ?? ""}`,
    300,
  );
}

const positive = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined);

function workload(w: Workload | undefined): Workload {
  return clean({
    hours: positive(w?.hours),
    ects: positive(w?.ects),
    credits: positive(w?.credits),
    source: lineOrUndefined(w?.source, 300),
  });
}

function level(l: Level | undefined): Level {
  const eqf = l?.eqf !== undefined && Number.isInteger(l.eqf) && l.eqf >= 1 && l.eqf <= 8 ? l.eqf : undefined;
  return clean({ eqf, nqf: lineOrUndefined(l?.nqf, 200), framework: lineOrUndefined(l?.framework, 100) });
}

function evidence(items: Evidence[] | undefined): Evidence[] {
  return (items ?? [])
    .map((e) =>
      clean({
        name: lineOrUndefined(e.name),
        description: multilineOrUndefined(e.description, 2000),
        narrative: multilineOrUndefined(e.narrative, TEXT_LIMITS.narrative),
        url: cleanUrl(e.url),
      }),
    )
    .filter(nonEmpty)
    .slice(0, 50);
}

function endorsements(items: Endorsement[] | undefined): Endorsement[] {
  return (items ?? [])
    .map((e) =>
      clean({
        issuerName: lineOrUndefined(e.issuerName, TEXT_LIMITS.name),
        issuerId: cleanId(e.issuerId),
        comment: multilineOrUndefined(e.comment, 2000),
        date: normalizeDate(e.date),
      }),
    )
    .filter(nonEmpty)
    .slice(0, 50);
}

function related(items: RelatedAchievement[] | undefined): RelatedAchievement[] {
  const cleaned = (items ?? []).map((r) =>
    clean({ relation: r.relation, targetId: cleanId(r.targetId), title: lineOrUndefined(r.title, TEXT_LIMITS.name) }),
  );
  return unique(
    cleaned.filter((r) => r.targetId || r.title),
    (r) => `${r.relation}\u0000${r.targetId ?? r.title}`,
    200,
  );
}

function texts(items: string[] | undefined, max: number, count: number): string[] {
  const cleaned = (items ?? []).map((t) => cleanLine(t, max)).filter((t) => t !== "");
  return unique(cleaned, (t) => t.toLowerCase(), count);
}

export function cleanStatus(items: CredentialStatusRef[] | undefined): CredentialStatusRef[] {
  return (items ?? [])
    .map((s) =>
      clean({
        type: cleanLine(s.type, 100),
        id: cleanId(s.id),
        statusListCredential: cleanId(s.statusListCredential),
        statusListIndex: lineOrUndefined(s.statusListIndex, 20),
        statusPurpose: lineOrUndefined(s.statusPurpose, 50),
      }),
    )
    .filter((s) => s.type !== "")
    .slice(0, 10);
}

export function cleanList(draft: RecordDraft) {
  return {
    learningOutcomes: outcomes(draft.learningOutcomes),
    skills: skills(draft.skills),
    workload: workload(draft.workload),
    level: level(draft.level),
    qualityAssurance: texts(draft.qualityAssurance, TEXT_LIMITS.short, 20),
    evidence: evidence(draft.evidence),
    endorsements: endorsements(draft.endorsements),
    related: related(draft.related),
    tags: texts(draft.tags, TEXT_LIMITS.tag, 50),
  };
}
