/**
 * Picking one string out of the many shapes credentials use for text: a plain string, an ELM
 * language map ({"en": "…", "fr": "…"}), a JSON-LD value object ({"@value", "@language"}) or a
 * list of those. English is preferred (Tessera's interface language), then the first language
 * given, in document order.
 */

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const PREFERRED = "en";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A language map: every key is a language tag and every value is text (or a list of text). */
export function isLanguageMap(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([key, v]) =>
        LANGUAGE_TAG.test(key) &&
        (typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"))),
    )
  );
}

function rank(language: string | undefined): number {
  if (!language) return 1;
  const lower = language.toLowerCase();
  if (lower === PREFERRED) return 0;
  return lower.startsWith(`${PREFERRED}-`) ? 0.5 : 2;
}

function firstText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (Array.isArray(value)) return value.map(firstText).find((v) => v !== undefined);
  return undefined;
}

/** The best single string, or undefined when the value holds no text. */
export function pickText(value: unknown): string | undefined {
  if (typeof value === "string") return firstText(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const candidates = value
      .map((item, index) => ({ text: pickText(item), lang: isRecord(item) ? languageOf(item) : undefined, index }))
      .filter((c): c is { text: string; lang: string | undefined; index: number } => c.text !== undefined);
    candidates.sort((a, b) => rank(a.lang) - rank(b.lang) || a.index - b.index);
    return candidates[0]?.text;
  }
  if (!isRecord(value)) return undefined;
  if ("@value" in value) return firstText(value["@value"]) ?? pickText(value["@value"]);
  if (!isLanguageMap(value)) return undefined;
  const keys = Object.keys(value);
  const best = [...keys].sort((a, b) => rank(a) - rank(b) || keys.indexOf(a) - keys.indexOf(b))[0];
  return best === undefined ? undefined : firstText(value[best]);
}

function languageOf(item: Record<string, unknown>): string | undefined {
  const lang = item["@language"] ?? item.language ?? item.lang;
  return typeof lang === "string" ? lang : undefined;
}
