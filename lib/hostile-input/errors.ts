import { brandOf } from "@/lib/errors/brand";
import { DomainError } from "@/lib/errors/domain-error";
/**
 * One error type for every refusal of imported bytes. Messages are written for the person who
 * uploaded the file and never quote the file's contents (docs/threat-model.md D7), so they are safe to show
 * and to log. The original low-level error is deliberately not attached as `cause`: parser
 * messages often embed snippets of the input.
 */
export type InputRejectionReason =
  | "too_large"
  | "not_json"
  | "truncated_json"
  | "too_deep"
  | "too_many_values"
  | "prototype_pollution"
  | "not_text"
  | "multiple_badges"
  | "png_invalid"
  | "png_no_badge"
  | "png_bomb"
  | "svg_no_badge"
  | "xml_doctype"
  | "xml_invalid"
  | "zip_invalid"
  | "zip_bomb"
  | "zip_too_many_entries"
  | "zip_unsafe_name"
  | "image_too_large"
  | "image_invalid"
  | "unsupported";

/** A refusal of imported bytes: a DomainError ("refused") with the exact reason for programs. */
export class InputRejectedError extends DomainError {
  static override readonly brand = brandOf("InputRejectedError");
  override readonly name = "InputRejectedError";

  constructor(
    readonly reason: InputRejectionReason,
    message: string,
  ) {
    super("refused", message);
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
