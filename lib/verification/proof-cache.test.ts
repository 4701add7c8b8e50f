import { beforeAll, describe, expect, it } from "vitest";
import {
  createEd25519Issuer,
  createStatusList,
  issueOpenBadge,
  issueOpenBadgeJwt,
  tamper,
  type TestIssuer,
} from "@/test-issuer";
import { createMemoryProofCache, proofCacheKey } from "./proof-cache";
import { NOW, checkOf, deps, diInput, jwtInput } from "@/testkit/verification/helpers";
import type { ProofOutcome } from "./types";
import { verifyCredential } from "./verify";

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await createEd25519Issuer();
});

const outcome = (reason: string): ProofOutcome => ({
  proof: { id: "proof", status: "passed", reason },
  issuer: { id: "issuer", status: "passed", reason },
});

describe("createMemoryProofCache", () => {
  it("is an LRU of at most `max` entries and hands out copies", () => {
    const cache = createMemoryProofCache(2);
    cache.set("a", outcome("a"));
    cache.set("b", outcome("b"));
    cache.get("a"); // a is now most recent
    cache.set("c", outcome("c"));
    expect([cache.get("a")?.proof.reason, cache.get("b"), cache.get("c")?.proof.reason]).toEqual(["a", undefined, "c"]);
    cache.get("a")!.proof.reason = "mutated";
    expect(cache.get("a")?.proof.reason).toBe("a");
  });

  it("keys are unambiguous (length-prefixed parts)", () => {
    expect(proofCacheKey("k", "ab", "c", "d")).not.toBe(proofCacheKey("k", "a", "bc", "d"));
  });
});

describe("re-verification", () => {
  it("reuses the proof outcome of an unchanged credential; any change misses", async () => {
    const d = deps();
    const cred = await issueOpenBadge(issuer, { now: NOW });
    expect((await verifyCredential(diInput(cred), d)).proofFromCache).toBe(false);
    const again = await verifyCredential(diInput(cred), d);
    expect([again.proofFromCache, again.verdict]).toEqual([true, "verified"]);
    const changed = await verifyCredential(diInput(tamper(cred, "name", "Other")), d);
    expect([changed.proofFromCache, checkOf(changed, "proof").status]).toEqual([false, "failed"]);
    const jwt = await issueOpenBadgeJwt(issuer, { now: NOW });
    await verifyCredential(jwtInput(jwt), d);
    expect((await verifyCredential(jwtInput(jwt), d)).proofFromCache).toBe(true);
  });

  it("dates and status are re-checked even when the proof comes from the cache", async () => {
    const url = "https://status.issuer.test/lists/cache";
    const before = await createStatusList(issuer, { url, now: NOW });
    const after = await createStatusList(issuer, { url, setIndexes: [9], now: NOW });
    const cred = await issueOpenBadge(issuer, {
      now: NOW,
      status: before.entry(9),
      validUntil: "2026-07-01T00:00:00Z",
    });
    const proofCache = createMemoryProofCache(10);
    expect((await verifyCredential(diInput(cred), deps({ [url]: before.credential }, { proofCache }))).verdict).toBe(
      "verified",
    );
    const revoked = await verifyCredential(diInput(cred), deps({ [url]: after.credential }, { proofCache }));
    expect([revoked.proofFromCache, checkOf(revoked, "status").status]).toEqual([true, "failed"]);
    const later = await verifyCredential(
      diInput(cred),
      deps({ [url]: before.credential }, { proofCache, now: () => new Date("2026-08-01T00:00:00Z") }),
    );
    expect([later.proofFromCache, checkOf(later, "validity").status]).toEqual([true, "failed"]);
  });
});
