import { brandOf, hasBrand } from "@/lib/errors/brand";
/**
 * One error type for every refusal of imported bytes. Messages are written for the person who
 * uploaded the file and never quote the file's contents (docs/threat-model.md D7), so they are safe to show
 * and to log. The original low-level error is deliberately not attached as `cause`: parser
 * messages often embed snippets of the input.
 */
export type InputRejectionCode =
  | "too-large"
  | "not-json"
  | "truncated-json"
  | "too-deep"
  | "too-many-values"
  | "prototype-pollution"
  | "not-text"
  | "multiple-badges"
  | "png-invalid"
  | "png-no-badge"
  | "png-bomb"
  | "svg-no-badge"
  | "xml-doctype"
  | "xml-invalid"
  | "zip-invalid"
  | "zip-bomb"
  | "zip-too-many-entries"
  | "zip-unsafe-name"
  | "image-too-large"
  | "image-invalid"
  | "unsupported";

const INPUTREJECTEDERROR_BRAND = brandOf("InputRejectedError");

export class InputRejectedError extends Error {
  readonly [INPUTREJECTEDERROR_BRAND] = true;

  /** True for this error from any bundled copy of this module (lib/errors/brand.ts). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, INPUTREJECTEDERROR_BRAND);
  }

  override readonly name = "InputRejectedError";

  constructor(
    readonly code: InputRejectionCode,
    message: string,
  ) {
    super(message);
  }
}

export function isInputRejected(error: unknown): error is InputRejectedError {
  return error instanceof InputRejectedError;
}

export const MB = 1024 * 1024;

/** "51 MB", "10.1 MB", "740 KB": rounded up, so a file just over a cap never reads as equal to it. */
export function formatSize(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  const tenths = Math.ceil((bytes / MB) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MB`;
}

/** An attacker-chosen name (zip entry) made fit to quote: no control characters, bounded length. */
export function quoteName(name: string): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, "?");
  return `“${clean.length > 80 ? `${clean.slice(0, 77)}…` : clean}”`;
}
