import type { Verdict } from "@/lib/verification/types";
import { printableDay } from "./text";

export type PortfolioVerificationState = "verified" | "not-verified" | "unknown" | "unchecked" | "self-reported";

export interface PortfolioVerification {
  state: PortfolioVerificationState;
  /** The verdict in words; "Verified" only for the verdict "verified" and never for self-reported entries. */
  label: string;
  /** When the checks last ran, or null when they never did. */
  checkedAt: Date | null;
  /** "Verified, checked 3 Mar 2026": what the page and the PDF print. */
  line: string;
}

const LABELS: Record<PortfolioVerificationState, string> = {
  verified: "Verified",
  "not-verified": "Not verified",
  unknown: "Could not fully check",
  unchecked: "Not checked yet",
  "self-reported": "Self-reported, not verified",
};

export function portfolioVerification(
  verdict: Verdict | null,
  selfReported: boolean,
  verifiedAt: Date | null,
): PortfolioVerification {
  // A self-reported entry is never presented as verified, whatever a check once said (docs/product-notes.md must-have 1).
  const state: PortfolioVerificationState = selfReported
    ? "self-reported"
    : verdict === "verified" || verdict === "not-verified" || verdict === "unknown"
      ? verdict
      : "unchecked";
  const checkedAt = state === "self-reported" || state === "unchecked" ? null : verifiedAt;
  const day = printableDay(checkedAt);
  return { state, label: LABELS[state], checkedAt, line: day ? `${LABELS[state]}, checked ${day}` : LABELS[state] };
}
