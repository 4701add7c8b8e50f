/**
 * Turns whatever a check threw into words a recruiter understands. Only a clear signature mismatch
 * is ever "failed" (decided by the caller); every exception here becomes "unknown".
 */
import { isFetchRefusedError } from "@/lib/net";
import { DocumentRefusedError } from "./document-loader";
import { KeyResolutionError } from "./keys/resolved";
import { UnsupportedKeyError } from "./keys/multikey";
import { TooComplexError } from "./limits";

export const TOO_COMPLEX = "This credential is too large or too complex to check safely.";

interface JsonLdErrorLike {
  name?: string;
  message?: string;
  details?: { cause?: unknown; event?: { details?: { property?: string; type?: string } } };
}

function jsonLdReason(error: JsonLdErrorLike): string | undefined {
  const cause = error.details?.cause;
  if (cause instanceof DocumentRefusedError)
    return `The credential refers to something Tessera will not load (${cause.url}), so it cannot be checked.`;
  if (error.name === "jsonld.ValidationError" || /Safe mode validation/i.test(error.message ?? "")) {
    const event = error.details?.event?.details;
    const what = event?.property ?? event?.type;
    return `The credential contains ${what ? `"${what}", a field` : "a field"} its vocabulary does not define, so its signature cannot be checked.`;
  }
  if (typeof error.name === "string" && error.name.startsWith("jsonld."))
    return "The credential's linked data is malformed, so its signature cannot be checked.";
  return undefined;
}

/** A readable reason for an unexpected error inside a check. */
export function reasonFor(error: unknown, what = "the signature"): string {
  if (error instanceof TooComplexError) return TOO_COMPLEX;
  if (error instanceof KeyResolutionError) {
    if (error.problem === "unreachable")
      return `Tessera could not reach the issuer to get its public key, so ${what} could not be checked.`;
    if (error.problem === "unsupported")
      return `The issuer's key is published in a way Tessera cannot check yet, so ${what} could not be checked.`;
    return `The issuer's key could not be found as the credential describes it, so ${what} could not be checked.`;
  }
  if (error instanceof UnsupportedKeyError)
    return `The issuer uses a kind of key Tessera cannot check yet, so ${what} could not be checked.`;
  if (isFetchRefusedError(error))
    return `Tessera could not fetch a document it needs (${error.message}), so ${what} could not be checked.`;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return TOO_COMPLEX;
  const jsonld = error && typeof error === "object" ? jsonLdReason(error as JsonLdErrorLike) : undefined;
  if (jsonld) return jsonld;
  return `Something went wrong while checking ${what}, so it could not be checked.`;
}

/** Short technical detail for `details.error` (never shown as the reason). */
export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > 300 ? `${message.slice(0, 297)}...` : message;
}
