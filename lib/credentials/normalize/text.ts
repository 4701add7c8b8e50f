/**
 * Text cleanup for everything an issuer wrote that Tessera will display. Text is kept as plain
 * text: HTML and Markdown are never interpreted here or anywhere downstream (React escapes it), so
 * "<b>" stays the four characters it is. Every function is idempotent: cleaning clean text
 * changes nothing (property-tested), so records can be re-normalized safely.
 */

/** Length caps in code points. A cut value ends with "…" so a reader can tell it was cut. */
export const TEXT_LIMITS = {
  title: 300,
  name: 300,
  description: 5000,
  narrative: 5000,
  short: 500,
  tag: 200,
  id: 2048,
} as const;

// Bidi embeddings/overrides/isolates and marks reorder what a reader sees ("Trojan Source");
// zero-width spaces, BOMs and interlinear annotations hide text. ZWJ/ZWNJ stay: emoji and
// Persian/Indic scripts need them.
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/gu;
// Every C0/C1 control except newline and tab (tab becomes a space below); lone surrogates.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Surrogate}/gu;

function strip(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(CONTROL, "");
}

function cap(value: string, max: number): string {
  const points = Array.from(value);
  if (points.length <= max) return value;
  return `${points
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

/** One line: every run of whitespace (including newlines) becomes one space. */
export function cleanLine(value: string, max: number = TEXT_LIMITS.short): string {
  return cap(strip(value).replace(/\s+/gu, " ").normalize("NFC").trim(), max).trim();
}

/** Paragraphs: line breaks kept (at most one blank line in a row), other whitespace collapsed. */
export function cleanMultiline(value: string, max: number = TEXT_LIMITS.description): string {
  const text = strip(value)
    .replace(/[^\S\n]+/gu, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .normalize("NFC")
    .trim();
  return cap(text, max).trim();
}

/** Cleaned text, or undefined when nothing readable is left. */
export function lineOrUndefined(value: string | undefined, max?: number): string | undefined {
  const text = value === undefined ? "" : cleanLine(value, max);
  return text === "" ? undefined : text;
}

export function multilineOrUndefined(value: string | undefined, max?: number): string | undefined {
  const text = value === undefined ? "" : cleanMultiline(value, max);
  return text === "" ? undefined : text;
}

/**
 * Identifiers and URLs are compared, not read, so they are never cut: one that is too long or
 * contains whitespace is dropped instead of being silently changed.
 */
export function cleanId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const id = strip(value).trim();
  if (id === "" || /\s/u.test(id) || id.length > TEXT_LIMITS.id) return undefined;
  return id;
}

/**
 * A link a reader may follow: http(s) only. Anything else (javascript:, data:, file:, urn:) is
 * dropped here, so no page that renders a record can be handed a dangerous href.
 */
export function cleanUrl(value: string | undefined): string | undefined {
  const url = cleanId(value);
  return url && /^https?:\/\/[^/?#\s]/i.test(url) ? url : undefined;
}
