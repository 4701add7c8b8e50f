import { NOTE_MAX_CHARS, TAG_MAX_CHARS, TAGS_PER_CREDENTIAL_MAX } from "@/lib/wallet/limits";
import { formatNumber } from "@/components/ui/format";
import { cleanLabel, cleanNote } from "@/lib/wallet/text-rules";

/**
 * Quick feedback in the browser with the server's own cleaning and limits (lib/wallet), so a
 * holder hears about a problem before anything is sent. The server checks again.
 */
export { cleanNote };

export function noteProblem(value: string): string | null {
  const length = cleanNote(value).length;
  return length > NOTE_MAX_CHARS
    ? `Keep the note under ${formatNumber(NOTE_MAX_CHARS)} characters (${formatNumber(length - NOTE_MAX_CHARS)} too many).`
    : null;
}

export function noteCountText(value: string): string {
  const length = value.length;
  if (length > NOTE_MAX_CHARS) return `${formatNumber(length - NOTE_MAX_CHARS)} characters too many`;
  return `${formatNumber(length)} of ${formatNumber(NOTE_MAX_CHARS)} characters`;
}

export type TagAddition = { ok: true; tags: string[]; tag: string } | { ok: false; message: string };

/** Adds one tag the way the server would keep it: trimmed, spaces collapsed, "ICU" and "icu" one tag. */
export function addTag(tags: readonly string[], raw: string): TagAddition {
  const tag = cleanLabel(raw);
  if (tag.length === 0) return { ok: false, message: "Type a tag first." };
  if (tag.length > TAG_MAX_CHARS) return { ok: false, message: `Keep each tag under ${TAG_MAX_CHARS} characters.` };
  if (tags.some((existing) => existing.toLowerCase() === tag.toLowerCase()))
    return { ok: false, message: `This credential is already tagged “${tag}”.` };
  if (tags.length >= TAGS_PER_CREDENTIAL_MAX)
    return { ok: false, message: `A credential can carry up to ${TAGS_PER_CREDENTIAL_MAX} tags. Remove one first.` };
  return { ok: true, tags: [...tags, tag], tag };
}
