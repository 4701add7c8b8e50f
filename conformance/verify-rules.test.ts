/**
 * The verification-conformance rules on their own, so they stay covered where the external
 * fixtures are absent. Rows are written in the README's wording, not read from its files.
 */
import { describe, expect, it } from "vitest";
import type { Check, Verdict } from "@/lib/verification";
import type { ReadmeRow } from "./readme-table";
import { verdictOf, verifyExpectationFor, type VerifyExpectation } from "./verify-expectations";
import { knownRecipient, limitationsOf, type FactInput, type Limitation } from "./verify-facts";
import { judgeVerification, worstVerdict, type VerifyOutcome } from "./verify-judge";

const row = (status: string, notes = "", file = "x/y.json"): ReadmeRow => ({
  section: "",
  file,
  format: "",
  status,
  notes,
});
const expectation = (r: ReadmeRow, limitations: Limitation[], holder: boolean) =>
  verifyExpectationFor(r, limitations, holder) as VerifyExpectation;
const check = (id: Check["id"], status: Check["status"]): Check => ({ id, status, reason: "" });
const outcome = (...items: { verdict: Verdict; checks: Check[] }[]): VerifyOutcome => ({ status: "ran", items });

describe("verification conformance rules", () => {
  it("maps README status words to checks and a verdict", () => {
    expect(expectation(row("valid signature; REVOKED"), [], false)).toMatchObject({
      verdict: "not-verified",
      checks: { proof: "passed", status: "failed" },
    });
    expect(expectation(row("valid signature; status: not revoked; EXPIRED"), [], false)).toMatchObject({
      verdict: "not-verified",
      checks: { status: "passed", validity: "failed" },
    });
    expect(expectation(row("valid signature; status list TAMPERED (its signature fails)"), [], false)).toMatchObject({
      verdict: "unknown",
    });
    expect(expectation(row("valid (warning)"), [], true)).toMatchObject({
      verdict: "verified",
      checks: { proof: "passed", recipient: "passed" },
    });
    expect(expectation(row("unsigned"), [], false).verdict).toBe("unknown");
    expect(verifyExpectationFor(row("something new"), [], false)).toHaveProperty("unclassified");
  });

  it("reads INVALID reasons: definite facts fail, cannot-check is unknown, schema rules predict nothing", () => {
    expect(
      expectation(row("INVALID (tampered)", "content changed after signing: signature fails"), [], false).verdict,
    ).toBe("not-verified");
    expect(
      expectation(row("INVALID", "signature good; expirationDate 2020-01-20 has passed"), [], false).checks,
    ).toEqual({ validity: "failed" });
    expect(
      expectation(row("INVALID (unresolvable DID)", "issuer did:web:… has no DID document"), [], false).verdict,
    ).toBe("unknown");
    expect(expectation(row("INVALID", "unknown evidence type"), [], false).checks).toEqual({});
  });

  it("a limitation makes the check unknown; without a passed proof, status is not predicted", () => {
    const e = expectation(row("valid signature; REVOKED"), [{ check: "proof", why: "key in fragment" }], false);
    expect(e).toMatchObject({ verdict: "unknown", checks: { proof: "unknown" } });
    expect(e.checks).not.toHaveProperty("status");
    expect(
      expectation(row("valid signature; REVOKED"), [{ check: "status", why: "foreign list" }], false),
    ).toMatchObject({ verdict: "unknown", checks: { status: "unknown" } });
    expect(verdictOf({ proof: "unknown", validity: "failed" })).toBe("not-verified");
  });

  it("finds limitations in the credential itself", () => {
    const item = (securing: string, payload: unknown, issuer?: string): FactInput => ({
      record: { securing: securing as never, issuer: { id: issuer } },
      payload,
    });
    const none = new Map<string, Uint8Array>();
    expect(
      limitationsOf(
        item("data-integrity", { proof: { verificationMethod: "https://example.com/issuers/1#z6Mk" } }),
        none,
      ),
    ).toMatchObject([{ check: "proof" }]);
    expect(limitationsOf(item("data-integrity", { proof: { verificationMethod: "did:key:z6Mk#z6Mk" } }), none)).toEqual(
      [],
    );
    expect(limitationsOf(item("hosted", { id: "http://a.com/instance" }), none)).toMatchObject([{ check: "proof" }]);
    expect(limitationsOf(item("vc-jwt", {}, "https://example.com/issuer"), none)).toMatchObject([{ check: "proof" }]);
    const lists = new Map([["https://s/1", new TextEncoder().encode(JSON.stringify({ issuer: "did:key:other" }))]]);
    expect(
      limitationsOf(
        item("data-integrity", {
          issuer: { id: "did:key:me" },
          credentialStatus: { statusListCredential: "https://s/1" },
        }),
        lists,
      ),
    ).toMatchObject([{ check: "status" }]);
  });

  it("reads the README's known recipient", () => {
    const text =
      "* OB 2.0 hashed recipient: `sha256$" +
      "a".repeat(64) +
      '`\n  = SHA-256 of `"nobody@example.org" + "deadsea"` (salt). Checked here.';
    expect(knownRecipient(text)).toEqual({ hash: `sha256$${"a".repeat(64)}`, email: "nobody@example.org" });
  });

  it("judges: worst verdict of a container, checks on its main credential, INVALID never verified", () => {
    expect(worstVerdict(["verified", "not-verified", "unknown"])).toBe("not-verified");
    const want: VerifyExpectation = { verdict: "not-verified", checks: { proof: "passed", status: "failed" }, why: [] };
    expect(
      judgeVerification(
        row("valid signature; REVOKED"),
        want,
        outcome({ verdict: "not-verified", checks: [check("proof", "passed"), check("status", "failed")] }),
      ),
    ).toBeUndefined();
    expect(
      judgeVerification(
        row("valid signature; REVOKED"),
        want,
        outcome({ verdict: "not-verified", checks: [check("proof", "unknown"), check("validity", "failed")] }),
      ),
    ).toMatch(/proof unknown, expected passed; status absent/);
    const anything: VerifyExpectation = { verdict: "verified", checks: {}, why: [] };
    expect(judgeVerification(row("INVALID"), anything, outcome({ verdict: "verified", checks: [] }))).toMatch(
      /INVALID/,
    );
    expect(
      judgeVerification(row("INVALID"), anything, { status: "refused", message: "no", allowed: true }),
    ).toBeUndefined();
  });
});
