import { brandOf } from "@/lib/errors/brand";
import { DomainError } from "@/lib/errors/domain-error";
/**
 * Why Tessera refused to read something as a credential. Messages are written for the health
 * worker who uploaded it: they say what is wrong in everyday words and never quote the input
 * (it is attacker-chosen), apart from short, cleaned technical names such as a type or a host.
 */
export type NotACredentialReason =
  | "not_a_credential" // no credential shape at all
  | "definition_not_award" // a badge definition or issuer profile, not something awarded to a person
  | "unsupported_format" // looks like a credential family Tessera does not read (or a broken variant)
  | "jwt_alg_none" // unsigned JWT
  | "jwt_malformed" // not a well-formed compact JWS / JWS JSON
  | "missing_required_field"
  | "invalid_field"
  | "empty_presentation" // a presentation with no readable credential inside
  | "linked_document_unavailable" // OB 2.0 BadgeClass/Issuer could not be fetched
  | "too_deeply_nested"; // credentials inside credentials inside credentials…

/** Something that is not a credential Tessera reads: a DomainError ("refused") with the exact reason. */
export class NotACredentialError extends DomainError {
  static override readonly brand = brandOf("NotACredentialError");
  override readonly name = "NotACredentialError";

  constructor(
    readonly reason: NotACredentialReason,
    message: string,
  ) {
    super("refused", message);
  }
}

export function isNotACredential(error: unknown): error is NotACredentialError {
  return error instanceof NotACredentialError;
}

/** A short technical token (type name, host) made safe to quote inside a message. */
export function quoteToken(value: unknown): string {
  const text =
    typeof value === "string"
      ? value
      : Array.isArray(value)
        ? value.filter((v) => typeof v === "string").join(", ")
        : "";
  const safe = text.replace(/[^\p{L}\p{N} .,:/_#@+-]/gu, "").slice(0, 60);
  return safe === "" ? "(none)" : `“${safe}”`;
}
