import type { NormalizedCredential } from "@/lib/credentials/record";

/**
 * "a…@nhs.example": enough for the holder to recognise their own address in a sentence that
 * may be read over their shoulder, without spelling it out.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return email;
  return `${email[0]}…${email.slice(at)}`;
}

/**
 * The plain (unhashed) email addresses a credential was issued to that are not among the
 * holder's confirmed ones: what the credential page offers to add. Hashed recipients cannot be
 * named, so they are not offered.
 */
export function unconfirmedRecipientEmails(
  recipient: NormalizedCredential["recipient"] | undefined,
  confirmed: readonly string[],
): string[] {
  const mine = new Set(confirmed.map((email) => email.toLowerCase()));
  const found = (recipient?.identifiers ?? [])
    .filter((identifier) => identifier.type === "email" && !identifier.hashed)
    .map((identifier) =>
      identifier.value
        .trim()
        .replace(/^mailto:/i, "")
        .toLowerCase(),
    )
    .filter((email) => email.includes("@") && !mine.has(email));
  return [...new Set(found)];
}
