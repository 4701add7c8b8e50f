/**
 * Check constructors and the verdict rule. The rule is deliberately one-way: a single failed
 * check makes the credential "not verified", a single unknown makes it "could not fully check",
 * and only all-passed is "verified". Nothing downgrades an unknown to passed.
 */
import type { Check, CheckId, CheckStatus, Verdict } from "./types";

export function check(
  id: CheckId,
  status: CheckStatus,
  reason: string,
  details?: Record<string, string | undefined>,
): Check {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(details ?? {})) if (value !== undefined && value !== "") clean[key] = value;
  return Object.keys(clean).length > 0 ? { id, status, reason, details: clean } : { id, status, reason };
}

export const passed = (id: CheckId, reason: string, details?: Record<string, string | undefined>) =>
  check(id, "passed", reason, details);
export const failed = (id: CheckId, reason: string, details?: Record<string, string | undefined>) =>
  check(id, "failed", reason, details);
export const unknown = (id: CheckId, reason: string, details?: Record<string, string | undefined>) =>
  check(id, "unknown", reason, details);

export function aggregateVerdict(checks: ReadonlyArray<Pick<Check, "status">>): Verdict {
  if (checks.some((c) => c.status === "failed")) return "not-verified";
  // An empty list proves nothing: it is never "verified".
  if (checks.length === 0 || checks.some((c) => c.status !== "passed")) return "unknown";
  return "verified";
}

/** Adds details to a check without mutating it (e.g. registry membership onto a cached issuer check). */
export function withDetails(c: Check, details: Record<string, string | undefined>): Check {
  return check(c.id, c.status, c.reason, { ...c.details, ...details });
}
