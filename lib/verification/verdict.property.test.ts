import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateVerdict } from "./checks";
import type { Check, CheckId, CheckStatus } from "./types";

const check = fc.record({
  id: fc.constantFrom<CheckId>("proof", "issuer", "validity", "status", "recipient"),
  status: fc.constantFrom<CheckStatus>("passed", "failed", "unknown"),
  reason: fc.string(),
}) as fc.Arbitrary<Check>;

describe("verdict aggregation (property-based)", () => {
  it("never yields verified when any check is unknown or failed", () => {
    fc.assert(
      fc.property(fc.array(check, { maxLength: 8 }), (checks) => {
        const verdict = aggregateVerdict(checks);
        if (checks.some((c) => c.status !== "passed")) expect(verdict).not.toBe("verified");
        if (checks.some((c) => c.status === "failed")) expect(verdict).toBe("not-verified");
        if (verdict === "verified") expect(checks.length > 0 && checks.every((c) => c.status === "passed")).toBe(true);
      }),
      { numRuns: 2_000, seed: 42 },
    );
  });

  it("is independent of check order, and an empty list is never verified", () => {
    expect(aggregateVerdict([])).toBe("unknown");
    fc.assert(
      fc.property(fc.array(check, { minLength: 1, maxLength: 6 }), (checks) => {
        expect(aggregateVerdict([...checks].reverse())).toBe(aggregateVerdict(checks));
      }),
      { numRuns: 500, seed: 43 },
    );
  });

  it("unknown outranks passed, failed outranks unknown", () => {
    const of = (...statuses: CheckStatus[]) =>
      aggregateVerdict(statuses.map((status) => ({ id: "proof", status, reason: "" })));
    expect(of("passed", "passed")).toBe("verified");
    expect(of("passed", "unknown")).toBe("unknown");
    expect(of("unknown", "failed", "passed")).toBe("not-verified");
  });
});
