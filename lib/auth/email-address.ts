/**
 * Strict email normalisation, applied before any mailer or database sees an address
 * (docs/threat-model.md A3; GHSA-xv97-c62v-4587, GHSA-5jpx-9hw9-2fx4, GHSA-7rqj-j65f-68wh,
 * GHSA-m943-m63m-w62w). We accept one plain mailbox: printable ASCII only (so a fullwidth "＠"
 * cannot be normalised into a second @ later), one "@", and none of the characters that address
 * parsers treat as syntax: quotes, commas, semicolons, colons, angle brackets, parentheses,
 * backslashes, whitespace or control characters.
 */
export const MAX_EMAIL_LENGTH = 254;

const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

export const INVALID_EMAIL_MESSAGE = "Enter one valid email address, like name@example.org.";

export function checkEmailAddress(input: unknown): EmailCheck {
  if (typeof input !== "string") return { ok: false, message: INVALID_EMAIL_MESSAGE };
  const trimmed = input.trim();
  // Anything outside printable ASCII (controls, CR/LF, spaces, fullwidth or other look-alike
  // characters) is refused outright, and so is anything NFKC would change: what we validate
  // is exactly what a mailer will see.
  if (!/^[\x21-\x7e]+$/.test(trimmed) || trimmed.normalize("NFKC") !== trimmed)
    return { ok: false, message: INVALID_EMAIL_MESSAGE };
  const normalized = trimmed;
  if (normalized.length > MAX_EMAIL_LENGTH) return { ok: false, message: INVALID_EMAIL_MESSAGE };
  const parts = normalized.split("@");
  if (parts.length !== 2) return { ok: false, message: INVALID_EMAIL_MESSAGE };
  const [local, domain] = parts as [string, string];
  if (!LOCAL_PART.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return { ok: false, message: INVALID_EMAIL_MESSAGE };
  }
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, message: INVALID_EMAIL_MESSAGE };
  }
  return { ok: true, email: `${local}@${domain.toLowerCase()}`.toLowerCase() };
}

/** Throwing form for Auth.js's `normalizeIdentifier` hook. */
export function normalizeEmailAddress(input: unknown): string {
  const result = checkEmailAddress(input);
  if (!result.ok) throw new Error(result.message);
  return result.email;
}
