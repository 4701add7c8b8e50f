import type { PillState } from "@/components/credential/verification-pill";
import type { Locale } from "@/lib/i18n/locales";
import type { CheckId, CheckStatus } from "@/lib/verification/types";

/**
 * The words of a verification result, translated on the server (verification-words-server.ts)
 * and passed down as plain strings: the public verifier's result cards are a client island, and
 * public pages load no i18n runtime in the browser (ADR 0031). Messages with an argument arrive
 * with the argument left as `{name}` for fillIn().
 */
export interface VerificationWords {
  locale: Locale;
  checks: Record<CheckId, string>;
  outcomes: Record<CheckStatus, string>;
  pills: Record<PillState, string>;
  /** "Checked {time}". */
  checked: string;
  checksLabel: string;
  technicalDetails: string;
}

/**
 * The holder pages that are not translated yet (ADR 0031) show these; delete once they pass
 * their own translated words.
 */
export const UNTRANSLATED_VERIFICATION_WORDS: VerificationWords = {
  locale: "en",
  checks: {
    proof: "Signature",
    issuer: "Issuer",
    validity: "Validity dates",
    status: "Revocation status",
    recipient: "Recipient",
    holder: "Holder’s signature",
  },
  outcomes: { passed: "Passed", failed: "Failed", unknown: "Could not check" },
  pills: {
    verified: "Verified",
    "not-verified": "Not verified",
    unknown: "Could not fully check",
    unchecked: "Not checked yet",
    "self-reported": "Self-reported, not verified",
  },
  checked: "Checked {time}",
  checksLabel: "Verification checks",
  technicalDetails: "Technical details",
};

/** Puts values into a message translated with its arguments left as `{name}`. */
export function fillIn(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
