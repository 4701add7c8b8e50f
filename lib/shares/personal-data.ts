import type { NormalizedCredential } from "@/lib/credentials/record";

/**
 * A signed credential cannot be edited without breaking its signature, so a shared page either
 * offers it whole or not at all. It is not offered when it names personal data the page never
 * shows (docs/threat-model.md F5, docs/product-notes.md gap 10): the holder's email when the share hides it, and
 * always a date of birth or a national or student identifier (EDC credentials often carry both).
 */

export type PersonalDataKind = "email" | "identifier" | "birth-date";

const BIRTH_DATE = /date_?of_?birth|birth_?date/i;
const IDENTIFIER_TYPES = new Set(["national-id", "student-id"]);

export interface PersonalDataRules {
  /** Addresses to look for (the holder's and the credential's own recipient emails) when the share hides the email; empty when it shows it. */
  hiddenEmails: string[];
  /** Identifier values that must never appear (national and student ids from the record). */
  identifiers: string[];
}

export function personalDataRules(
  record: Pick<NormalizedCredential, "recipient">,
  holderEmail: string,
  showEmail: boolean,
): PersonalDataRules {
  const ids = record.recipient?.identifiers ?? [];
  const emails = showEmail
    ? []
    : [holderEmail, ...ids.filter((id) => id.type === "email" && !id.hashed).map((id) => id.value)];
  const identifiers = ids.filter((id) => IDENTIFIER_TYPES.has(id.type) && !id.hashed).map((id) => id.value);
  const usable = (values: string[]) => [
    ...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 4)),
  ];
  return { hiddenEmails: usable(emails), identifiers: usable(identifiers) };
}

/** The first kind of personal data found in any of these texts (case-insensitive), or null. */
export function personalDataIn(texts: string[], rules: PersonalDataRules): PersonalDataKind | null {
  const lowered = texts.map((text) => text.toLowerCase());
  if (rules.hiddenEmails.some((email) => lowered.some((text) => text.includes(email)))) return "email";
  if (rules.identifiers.some((id) => lowered.some((text) => text.includes(id)))) return "identifier";
  if (texts.some((text) => BIRTH_DATE.test(text))) return "birth-date";
  return null;
}

export function withheldReason(kind: PersonalDataKind): string {
  return kind === "email"
    ? "The credential file names the holder's email address, which they chose not to show here, so it is not offered for download."
    : "The credential file carries personal details (such as a date of birth or a national identifier) that a shared page never shows, so it is not offered for download.";
}

/** The text forms of a stored credential to look through: the file as text, the decoded payload, the signed form. */
export function textFormsOf(parts: { bytes?: Uint8Array | null; payload: unknown; signed: unknown }): string[] {
  const texts = [JSON.stringify(parts.payload ?? null), JSON.stringify(parts.signed ?? null)];
  if (parts.bytes) texts.push(Buffer.from(parts.bytes).toString("utf8"));
  return texts;
}
