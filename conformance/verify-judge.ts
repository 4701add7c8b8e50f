import type { Check, CheckId, Verdict } from "@/lib/verification";
import type { RowVerifyExpectation, VerifyExpectation } from "./verify-expectations";

/** What verification made of one README row: every credential in the file, main one first. */
export type VerifyOutcome =
  | { status: "ran"; items: { verdict: Verdict; checks: Check[] }[] }
  /** Import refused the file: fine for a verification-level INVALID row (the import suite judges why). */
  | { status: "refused"; message: string; allowed: boolean }
  | { status: "threw"; message: string }
  | { status: "missing" };

const SEVERITY: Verdict[] = ["verified", "unknown", "not-verified"];

/** A file is only as good as the worst credential in it (a CLR and the credentials it carries). */
export function worstVerdict(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>(
    (worst, v) => (SEVERITY.indexOf(v) > SEVERITY.indexOf(worst) ? v : worst),
    "verified",
  );
}

/** undefined = conforms; otherwise the mismatch in one line. */
export function judgeVerification(
  row: { status: string },
  expected: VerifyExpectation | undefined,
  got: VerifyOutcome,
): string | undefined {
  if (got.status === "missing") return "file listed in the README does not exist";
  if (got.status === "threw") return `threw: ${got.message}`;
  if (got.status === "refused")
    return got.allowed ? undefined : `import refused it, but the README says it imports: ${got.message}`;
  const [main] = got.items;
  if (!main) return "nothing to verify";
  if (!expected) return "no expectation for a verified row";
  const verdict = worstVerdict(got.items.map((i) => i.verdict));
  // The README's INVALID must never come out verified, whatever a rule or override predicts.
  if (/^INVALID\b/.test(row.status) && verdict === "verified" && !expected.divergence)
    return "README says INVALID, Tessera says verified";
  if (verdict !== expected.verdict) return `verdict ${verdict}, expected ${expected.verdict}`;
  const wrong = (Object.entries(expected.checks) as [CheckId, string][])
    .map(([id, status]) => [id, status, main.checks.find((c) => c.id === id)?.status ?? "absent"] as const)
    .filter(([, want, have]) => want !== have);
  return wrong.length ? wrong.map(([id, want, have]) => `${id} ${have}, expected ${want}`).join("; ") : undefined;
}

export function describeVerifyExpected(e: RowVerifyExpectation): string {
  if ("unclassified" in e) return `UNCLASSIFIED: ${e.unclassified}`;
  const checks = Object.entries(e.checks).map(([id, status]) => `${id} ${status}`);
  return `${e.verdict}${checks.length ? ` (${checks.join(", ")})` : ""}${e.divergence ? " [divergence]" : ""}`;
}

/** The verdict, then every check that did not pass (with its reason), then the inner credentials. */
export function describeVerifyOutcome(o: VerifyOutcome): string {
  switch (o.status) {
    case "missing":
      return "file missing";
    case "threw":
      return `threw: ${o.message}`;
    case "refused":
      return `refused at import: ${o.message}`;
    case "ran": {
      const [main, ...inner] = o.items;
      if (!main) return "nothing to verify";
      const notPassed = main.checks.filter((c) => c.status !== "passed").map((c) => `${c.id} ${c.status}: ${c.reason}`);
      const rest = inner.length ? ` [+${inner.length} inside: ${inner.map((i) => i.verdict).join(", ")}]` : "";
      return `${worstVerdict(o.items.map((i) => i.verdict))}${notPassed.length ? ` — ${notPassed.join(" | ")}` : ""}${rest}`;
    }
  }
}
