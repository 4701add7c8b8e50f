import { brandOf, hasBrand } from "./brand";

/**
 * What kind of failure it is, in one style (snake_case), and the HTTP status it answers with. The
 * action wrapper returns the code; the JSON route helper answers with the status. Nothing else
 * maps errors.
 */
export const ERROR_STATUS = {
  /** The request or form is not valid; `fieldErrors` says where. */
  invalid_input: 400,
  /** No session, or it ended. */
  unauthenticated: 401,
  /** The request did not come from Tessera's own pages. */
  forbidden: 403,
  /** Nothing of this holder's has that id (another holder's ids are "not found" too). */
  not_found: 404,
  /** It clashes with what is stored now: a duplicate name, a limit reached, a revoked link. */
  conflict: 409,
  /** It existed and no longer works (a revoked or expired link). */
  gone: 410,
  too_large: 413,
  unsupported_type: 415,
  /** Understood, and refused: not a credential, an altered archive, hostile input, an address Tessera will not fetch. */
  refused: 422,
  /** Too many requests; `retryAfterSeconds` says when to try again. */
  rate_limited: 429,
  /** Our fault; the message says nothing about why. */
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export interface DomainErrorOptions {
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * The one error of Tessera's domain (ADR 0022): a code from ERROR_STATUS and a message written for
 * the person who will read it (never quoting hostile input, never secret), with optional field
 * errors. Data layers and pure modules throw it, or a subclass that adds a finer `reason` for the
 * programs that branch on it.
 *
 * `instanceof` is answered by a brand in the global symbol registry, not by the prototype: Next
 * bundles server code once per layer, so an error thrown by one copy of a module meets another
 * copy's class (lib/errors/brand.ts). Every subclass declares its own `brand`; without one it
 * matches nothing, which its tests would show at once.
 */
export class DomainError extends Error {
  static readonly brand: symbol = brandOf("DomainError");

  static override [Symbol.hasInstance](value: unknown): boolean {
    return Object.hasOwn(this, "brand") && hasBrand(value, (this as unknown as { brand: symbol }).brand);
  }

  readonly code: ErrorCode;
  declare readonly fieldErrors?: FieldErrors;
  declare readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    // Own properties only when given, so a result built from this error has no undefined keys.
    if (options.fieldErrors) this.fieldErrors = options.fieldErrors;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    // The class and every class above it: a subclass's error is also a DomainError from any bundle.
    const branded = this as unknown as Record<symbol, boolean>;
    for (let type: object = new.target; type !== Error && type !== null; type = Object.getPrototypeOf(type) as object)
      if (Object.hasOwn(type, "brand")) branded[(type as { brand: symbol }).brand] = true;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
