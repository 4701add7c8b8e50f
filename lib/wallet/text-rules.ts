/**
 * How holder-written text is cleaned, shared by the browser (instant feedback) and the server
 * (the rule that counts). Control characters other than line breaks and tabs, and bidi
 * overrides (which can make "gpj.exe" read as "exe.jpg"), never belong in a note, tag or name.
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
const UNSAFE_IN_A_LINE = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

export function cleanNote(value: string): string {
  return value.replace(UNSAFE_CHARS, "").replace(/\r\n?/g, "\n").trim();
}

/** One line: tags, collection names. */
export function cleanLabel(value: string): string {
  return value.replace(UNSAFE_IN_A_LINE, "").replace(/\s+/g, " ").trim();
}
