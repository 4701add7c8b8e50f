/**
 * Comparison keys. Pathway definitions and credentials are written by different people, so
 * names, titles and ids are compared case- and whitespace-insensitively (Unicode NFKC, trimmed,
 * runs of whitespace collapsed, lower case): "ICD-11  coding" meets "icd-11 Coding".
 */

// Printable ASCII words separated by single spaces: already normal, only the case differs. Most
// ids and titles are, and skipping NFKC for them keeps indexing 2,000 credentials cheap.
const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

export function textKey(value: string | undefined): string {
  if (value === undefined) return "";
  if (PLAIN_ASCII.test(value)) return value.toLowerCase();
  return value.normalize("NFKC").replace(/\s+/gu, " ").trim().toLowerCase();
}

/**
 * One string per way a matcher recognises a credential (its achievement id; "this issuer's
 * credential with this title"), from already-normalised parts: used to find a credential named
 * twice in a definition or a stack. Lookups of held credentials use MatchKey instead.
 */
export const achievementMatchKey = (idKey: string) => (idKey === "" ? "" : `id:${idKey}`);
export const issuerTitleMatchKey = (issuerKey: string, titleKey: string) =>
  issuerKey === "" || titleKey === "" ? "" : `name:${issuerKey}\u0000${titleKey}`;

/** A matcher in normalised parts ("" when absent): what held credentials are looked up by. */
export interface MatchKey {
  id: string;
  issuer: string;
  title: string;
}

export function matchKey(match: { achievementId?: string; issuerName?: string; title?: string }): MatchKey {
  return { id: textKey(match.achievementId), issuer: textKey(match.issuerName), title: textKey(match.title) };
}

/** A required skill is covered by a credential skill with the same code, or the same name. */
export interface SkillLike {
  name?: string;
  code?: string;
}

// One collator for every sort of labels: `a.localeCompare(b, "en")` builds one per call.
const collator = new Intl.Collator("en");

/** Orders text for people (English collation), the same on every machine. */
export const byText = (a: string, b: string): number => collator.compare(a, b);
