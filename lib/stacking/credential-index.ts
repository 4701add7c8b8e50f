/**
 * Built once per computation and shared by every pathway: lookups by matcher key and skill, and
 * the fixed orders the elective allotment walks. Every order ends in the credential id, so the
 * result never depends on the order credentials were passed in. This runs over every credential
 * of a holder on each recomputation, so it avoids per-credential allocations where it can.
 */
import type { StackCredential } from "./credential";
import { textKey, type MatchKey, type SkillLike } from "./keys";

export interface HeldCredential {
  readonly credential: StackCredential;
  /** Position in id order: the final tie-break everywhere. */
  readonly order: number;
  readonly expired: boolean;
  readonly revoked: boolean;
  /** validUntil in ms since the epoch; Infinity when absent or unreadable. */
  readonly validUntil: number;
  readonly hours: number;
  readonly ects: number;
  readonly eqf: number;
  readonly issuerKey: string;
}

export interface CredentialIndex {
  readonly all: readonly HeldCredential[];
  /** Normalised achievement id → credentials. */
  readonly byAchievementId: ReadonlyMap<string, readonly HeldCredential[]>;
  /** Normalised issuer name → normalised title → credentials (nested, so no key strings are built). */
  readonly byIssuerTitle: ReadonlyMap<string, ReadonlyMap<string, readonly HeldCredential[]>>;
  /** Normalised skill code / name → credentials carrying it, in fewestHoursFirst order. */
  readonly bySkillCode: ReadonlyMap<string, readonly HeldCredential[]>;
  readonly bySkillName: ReadonlyMap<string, readonly HeldCredential[]>;
  /** Most hours first: min-hours takes as few credentials as it can. */
  readonly mostHoursFirst: readonly HeldCredential[];
  /** Most ECTS first; few pathways ask for ECTS, so it is sorted on first use. */
  readonly mostEctsFirst: () => readonly HeldCredential[];
  /** Fewest hours first: skills and EQF requirements leave the big credentials for hour totals. */
  readonly fewestHoursFirst: readonly HeldCredential[];
  /** Position of each credential (by `order`) in fewestHoursFirst. */
  readonly fewestHoursRank: Int32Array;
}

const NONE: readonly HeldCredential[] = [];

/** Credentials matching by achievement id, then by issuer + title (a credential may be in both). */
export function matchingCredentials(
  index: CredentialIndex,
  key: MatchKey,
): [readonly HeldCredential[], readonly HeldCredential[]] {
  const byId = key.id === "" ? NONE : (index.byAchievementId.get(key.id) ?? NONE);
  const byName =
    key.issuer === "" || key.title === "" ? NONE : (index.byIssuerTitle.get(key.issuer)?.get(key.title) ?? NONE);
  return [byId, byName];
}

/** Credentials carrying a skill, recognised by its code or its name (two lists, each in fewestHoursFirst order). */
export function credentialsWithSkill(
  index: CredentialIndex,
  skill: SkillLike,
): [readonly HeldCredential[], readonly HeldCredential[]] {
  const code = textKey(skill.code);
  const name = textKey(skill.name);
  return [
    code === "" ? NONE : (index.bySkillCode.get(code) ?? NONE),
    name === "" ? NONE : (index.bySkillName.get(name) ?? NONE),
  ];
}

const positive = (value: number | undefined) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;

export function indexCredentials(credentials: readonly StackCredential[], now: Date): CredentialIndex {
  const sorted = uniqueById(credentials);
  const nowMs = now.getTime();
  const byAchievementId = new Map<string, HeldCredential[]>();
  const byIssuerTitle = new Map<string, Map<string, HeldCredential[]>>();
  const all: HeldCredential[] = new Array(sorted.length);
  for (let order = 0; order < sorted.length; order++) {
    const credential = sorted[order]!;
    const issuerKey = textKey(credential.issuerName);
    const parsed = credential.validUntil === undefined ? NaN : Date.parse(credential.validUntil);
    const validUntil = Number.isFinite(parsed) ? parsed : Number.POSITIVE_INFINITY;
    const eqf = credential.eqf;
    const held: HeldCredential = {
      credential,
      order,
      // Same rule as isExpired(): expired once now reaches validUntil; unreadable dates never expire.
      expired: validUntil <= nowMs,
      revoked: credential.revoked === true,
      validUntil,
      hours: positive(credential.hours),
      ects: positive(credential.ects),
      eqf: typeof eqf === "number" && Number.isInteger(eqf) && eqf >= 1 && eqf <= 8 ? eqf : 0,
      issuerKey,
    };
    all[order] = held;
    const id = textKey(credential.achievementId);
    if (id !== "") push(byAchievementId, id, held);
    const title = textKey(credential.title);
    if (issuerKey !== "" && title !== "") {
      let titles = byIssuerTitle.get(issuerKey);
      if (!titles) byIssuerTitle.set(issuerKey, (titles = new Map()));
      push(titles, title, held);
    }
  }
  const fewestHoursFirst = all.slice().sort(byHoursThenOrder);
  const fewestHoursRank = new Int32Array(all.length);
  const bySkillCode = new Map<string, HeldCredential[]>();
  const bySkillName = new Map<string, HeldCredential[]>();
  for (let rank = 0; rank < fewestHoursFirst.length; rank++) {
    const held = fewestHoursFirst[rank]!;
    fewestHoursRank[held.order] = rank;
    for (const skill of held.credential.skills) {
      pushOnce(bySkillCode, textKey(skill.code), held);
      pushOnce(bySkillName, textKey(skill.name), held);
    }
  }
  let ectsOrder: HeldCredential[] | undefined;
  const mostEctsFirst = () => (ectsOrder ??= all.slice().sort((a, b) => b.ects - a.ects || a.order - b.order));
  return {
    all,
    byAchievementId,
    byIssuerTitle,
    bySkillCode,
    bySkillName,
    mostHoursFirst: descendingHours(fewestHoursFirst),
    mostEctsFirst,
    fewestHoursFirst,
    fewestHoursRank,
  };
}

const byHoursThenOrder = (a: HeldCredential, b: HeldCredential) => a.hours - b.hours || a.order - b.order;

/** Most hours first, ties still by order: fewestHoursFirst reversed, each run of equal hours restored. */
function descendingHours(ascending: readonly HeldCredential[]): HeldCredential[] {
  const result: HeldCredential[] = [];
  let end = ascending.length;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && ascending[start - 1]!.hours === ascending[end - 1]!.hours) start--;
    for (let i = start; i < end; i++) result.push(ascending[i]!);
    end = start;
  }
  return result;
}

/** Adds a credential under a skill key once, however many of its skills share the key. */
function pushOnce(map: Map<string, HeldCredential[]>, key: string, held: HeldCredential): void {
  if (key === "") return;
  const list = map.get(key);
  if (!list) map.set(key, [held]);
  else if (list[list.length - 1] !== held) list.push(held);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Sorted by id; input already in id order (usual from storage) is only checked. A repeated id
 * (ids are unique per holder, so this is a guard) keeps one deterministic entry.
 */
function uniqueById(credentials: readonly StackCredential[]): readonly StackCredential[] {
  let ascending = true;
  for (let i = 1; i < credentials.length && ascending; i++) ascending = credentials[i - 1]!.id < credentials[i]!.id;
  if (ascending) return credentials;
  const byId = new Map<string, StackCredential>();
  for (const credential of credentials) {
    const other = byId.get(credential.id);
    if (other === undefined || JSON.stringify(credential) < JSON.stringify(other)) byId.set(credential.id, credential);
  }
  // The default sort compares UTF-16 code units, like `<`, and runs without a JS comparator.
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}
