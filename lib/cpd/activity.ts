import { RECORD_KINDS, type RecordKind } from "./profile-schema";

/** What Tessera knows about one credential, and what the holder said about it as CPD. */
export interface ActivitySource {
  credentialId: string;
  title: string;
  issuer: string;
  issuedAt: Date | null;
  hours: number | null;
  ects: number | null;
  /** Hours and ECTS the holder set where the credential states none (lib/holder-workload). */
  holderSetHours?: number | null;
  holderSetEcts?: number | null;
  participation: string | null;
  skills: string[];
  outcomes: string[];
  holderTags: string[];
  verdict: string | null;
  selfReported: boolean;
  override: ActivityOverride | null;
}

export interface ActivityOverride {
  hours: number | null;
  participatory: boolean | null;
  topics: string[] | null;
  recordKinds: RecordKind[] | null;
  excluded: boolean;
}

export type HoursSource = "holder" | "workload" | "holder-set" | "ects" | "holder-set-ects" | "none";
export type ParticipatorySource = "holder" | "tag" | "participation" | "none";

export interface CpdActivity {
  id: string;
  title: string;
  issuer: string;
  date: string | null;
  hours: number;
  hoursSource: HoursSource;
  participatory: boolean;
  participatorySource: ParticipatorySource;
  /** Text the topic rules are matched against: the holder's topics, or the credential's skills, outcomes, title and tags. */
  topicTexts: string[];
  topicsFromHolder: boolean;
  recordKinds: RecordKind[];
  verdict: string | null;
  selfReported: boolean;
  excluded: boolean;
}

/** Forms of participation that mean learning with others (NMC: "interaction with one or more professionals"). */
const PARTICIPATORY_FORM =
  /\b(onsite|on-site|in person|in-person|face[- ]to[- ]face|classroom|blended|live|synchronous|workshop|simulation)\b/i;
const NON_LEARNING_RECORDS = new Set<RecordKind>(["peer-discussion", "reflective-account", "practice-feedback"]);

function roundHours(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Hours: the holder's figure for this cycle, else the stated workload, else the holder-set hours
 * (hours the credential's text mentions, confirmed by the holder: nearer the truth than a
 * conversion), else ECTS × the profile's rate (stated, then holder-set), else 0 (shown as "no hours
 * stated — set them"). Participatory: the holder's choice, else a
 * "participatory" tag, else a form of participation that is learning with others.
 */
export function buildActivity(source: ActivitySource, hoursPerEcts: number): CpdActivity {
  const o = source.override;
  const tags = source.holderTags.map((t) => t.trim().toLowerCase());
  let hours = 0;
  let hoursSource: HoursSource = "none";
  if (o?.hours != null) [hours, hoursSource] = [o.hours, "holder"];
  else if (source.hours != null && source.hours > 0) [hours, hoursSource] = [source.hours, "workload"];
  else if (source.holderSetHours != null && source.holderSetHours > 0)
    [hours, hoursSource] = [source.holderSetHours, "holder-set"];
  else if (source.ects != null && source.ects > 0) [hours, hoursSource] = [source.ects * hoursPerEcts, "ects"];
  else if (source.holderSetEcts != null && source.holderSetEcts > 0)
    [hours, hoursSource] = [source.holderSetEcts * hoursPerEcts, "holder-set-ects"];

  let participatory = false;
  let participatorySource: ParticipatorySource = "none";
  if (o?.participatory != null) [participatory, participatorySource] = [o.participatory, "holder"];
  else if (tags.includes("participatory")) [participatory, participatorySource] = [true, "tag"];
  else if (source.participation && PARTICIPATORY_FORM.test(source.participation))
    [participatory, participatorySource] = [true, "participation"];

  const topicsFromHolder = o?.topics != null;
  const topicTexts = topicsFromHolder
    ? o.topics!
    : [source.title, ...source.skills, ...source.outcomes, ...source.holderTags];

  const explicitKinds =
    o?.recordKinds ?? tags.filter((t): t is RecordKind => (RECORD_KINDS as readonly string[]).includes(t));
  const kinds = new Set<RecordKind>(explicitKinds);
  // A planned-learning record is a CPD record; a reflective account or feedback on its own is not.
  if (kinds.size === 0 || kinds.has("planned-learning") || [...kinds].some((k) => !NON_LEARNING_RECORDS.has(k)))
    kinds.add("cpd-activity");

  return {
    id: source.credentialId,
    title: source.title,
    issuer: source.issuer,
    date: source.issuedAt ? source.issuedAt.toISOString().slice(0, 10) : null,
    hours: roundHours(Math.max(0, hours)),
    hoursSource,
    participatory,
    participatorySource,
    topicTexts,
    topicsFromHolder,
    recordKinds: RECORD_KINDS.filter((k) => kinds.has(k)),
    verdict: source.verdict,
    selfReported: source.selfReported,
    excluded: o?.excluded ?? false,
  };
}
