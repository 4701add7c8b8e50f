import { brandOf, hasBrand } from "@/lib/errors/brand";
/**
 * Why Tessera refused to read something as a credential. Messages are written for the health
 * worker who uploaded it: they say what is wrong in everyday words and never quote the input
 * (it is attacker-chosen), apart from short, cleaned technical names such as a type or a host.
 */
export type NotACredentialCode =
  | "not-a-credential" // no credential shape at all
  | "definition-not-award" // a badge definition or issuer profile, not something awarded to a person
  | "unsupported-format" // looks like a credential family Tessera does not read (or a broken variant)
  | "jwt-alg-none" // unsigned JWT
  | "jwt-malformed" // not a well-formed compact JWS / JWS JSON
  | "missing-required-field"
  | "invalid-field"
  | "empty-presentation" // a presentation with no readable credential inside
  | "linked-document-unavailable" // OB 2.0 BadgeClass/Issuer could not be fetched
  | "too-deeply-nested"; // credentials inside credentials inside credentials…

const NOTACREDENTIALERROR_BRAND = brandOf("NotACredentialError");

export class NotACredentialError extends Error {
  readonly [NOTACREDENTIALERROR_BRAND] = true;

  /** True for this error from any bundled copy of this module (lib/errors/brand.ts). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, NOTACREDENTIALERROR_BRAND);
  }

  override readonly name = "NotACredentialError";

  constructor(
    readonly code: NotACredentialCode,
    message: string,
  ) {
    super(message);
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
