import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createEd25519Issuer,
  createStatusList,
  encodeBitstring,
  MIN_STATUS_LIST_LENGTH,
  issueOpenBadge,
  issueOpenBadgeEd25519Signature2020,
  signCredential,
  tamper,
  type StatusList,
  type TestIssuer,
} from "@/test-issuer";
import { NOW, checkOf, deps, diInput, statusOf } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

let issuer: TestIssuer;
let stranger: TestIssuer;
let list: StatusList;
const URL_ = "https://status.issuer.test/lists/1";

beforeAll(async () => {
  [issuer, stranger] = await Promise.all([createEd25519Issuer(), createEd25519Issuer()]);
  list = await createStatusList(issuer, { url: URL_, setIndexes: [23, 4096], now: NOW });
});

const docs = (credential: unknown = list.credential) => ({ [URL_]: credential });
const issueAt = (index: number, options = {}) =>
  issueOpenBadge(issuer, { now: NOW, status: list.entry(index), ...options });

describe("BitstringStatusList", () => {
  it("index set → revoked: status failed, verdict not verified", async () => {
    const result = await verifyCredential(diInput(await issueAt(23)), deps(docs()));
    expect(checkOf(result, "status")).toMatchObject({
      status: "failed",
      reason: "The issuer has revoked this credential.",
      details: { statusListUrl: URL_, statusListIndex: "23" },
    });
    expect(result.verdict).toBe("not-verified");
  });

  it("index clear → status passed, verified", async () => {
    const result = await verifyCredential(diInput(await issueAt(24)), deps(docs()));
    expect(statusOf(result)).toEqual({
      proof: "passed",
      issuer: "passed",
      validity: "passed",
      status: "passed",
      recipient: "passed",
    });
    expect(result.verdict).toBe("verified");
  });

  it("suspension lists report suspended", async () => {
    const suspensions = await createStatusList(issuer, { url: URL_, purpose: "suspension", setIndexes: [7], now: NOW });
    const cred = await issueOpenBadge(issuer, { now: NOW, status: suspensions.entry(7) });
    expect(checkOf(await verifyCredential(diInput(cred), deps(docs(suspensions.credential))), "status").reason).toBe(
      "The issuer has suspended this credential.",
    );
  });

  it("StatusList2021 (VC 1.1, Ed25519Signature2020 list) with the same MSB-first bits", async () => {
    const sl = await createStatusList(issuer, { url: URL_, type: "StatusList2021", setIndexes: [2, 6, 8], now: NOW });
    for (const [index, expected] of [
      [2, "failed"],
      [3, "passed"],
      [8, "failed"],
    ] as const) {
      const cred = await issueOpenBadgeEd25519Signature2020(issuer, { now: NOW, status: sl.entry(index) });
      expect(checkOf(await verifyCredential(diInput(cred), deps(docs(sl.credential))), "status").status).toBe(expected);
    }
  });

  it("no status entry → the check is omitted and the credential can still be verified", async () => {
    const result = await verifyCredential(diInput(await issueOpenBadge(issuer, { now: NOW })), deps());
    expect(result.checks.map((c) => c.id)).toEqual(["proof", "issuer", "validity", "recipient"]);
    expect(result.verdict).toBe("verified");
  });
});

describe("a status list that cannot be trusted → status unknown, never 'not revoked'", () => {
  const expectUnknown = async (credential: unknown, documents: Record<string, unknown>, reason: RegExp) => {
    const result = await verifyCredential(diInput(credential), deps(documents));
    expect(checkOf(result, "status")).toMatchObject({ status: "unknown", reason: expect.stringMatching(reason) });
    expect(result.verdict).toBe("unknown");
  };

  it("tampered list (bits edited after signing)", async () => {
    // Someone clears bit 23 to un-revoke a credential; the list's signature no longer matches.
    const flipped = tamper(
      list.credential,
      "credentialSubject.encodedList",
      `u${encodeBitstring([4096], MIN_STATUS_LIST_LENGTH)}`,
    );
    await expectUnknown(await issueAt(23), docs(flipped), /tampered with/);
  });

  it("list signed by another issuer", async () => {
    const foreign = await createStatusList(stranger, { url: URL_, now: NOW });
    await expectUnknown(await issueAt(23), docs(foreign.credential), /not published by the credential's issuer/);
  });

  it("expired list", async () => {
    const stale = await createStatusList(issuer, {
      url: URL_,
      now: "2025-01-01T00:00:00Z",
      validUntil: "2025-02-01T00:00:00Z",
    });
    await expectUnknown(await issueAt(24), docs(stale.credential), /out of date/);
  });

  it("unreachable list", async () => {
    await expectUnknown(await issueAt(24), {}, /could not be reached/);
  });

  it("index out of range", async () => {
    const short = await createStatusList(issuer, { url: URL_, length: 1024, now: NOW });
    await expectUnknown(
      await issueOpenBadge(issuer, { now: NOW, status: { ...short.entry(5), statusListIndex: "131071" } }),
      docs(short.credential),
      /outside/,
    );
  });

  it("gzip bomb: 64 MB of zeros behind an 80 KB list stops at the size cap", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }).toString("base64url");
    const unsigned = {
      ...list.credential,
      credentialSubject: { ...(list.credential.credentialSubject as object), encodedList: `u${bomb}` },
    } as Record<string, unknown>;
    delete unsigned.proof;
    const signed = await signCredential(unsigned, issuer, { now: NOW });
    const started = performance.now();
    await expectUnknown(await issueAt(3), docs(signed), /too large/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("wrong purpose (a suspension list for a revocation entry)", async () => {
    const suspensions = await createStatusList(issuer, { url: URL_, purpose: "suspension", now: NOW });
    await expectUnknown(await issueAt(3), docs(suspensions.credential), /wrong type or purpose/);
  });

  it("a credential whose own signature fails is not status-checked at all (no fetch)", async () => {
    const d = deps(docs());
    const result = await verifyCredential(diInput(tamper(await issueAt(23), "name", "Forged")), d);
    expect(checkOf(result, "status")).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/not checked/),
    });
    expect(d.net.calls).toEqual([]);
  });
});

describe("1EdTechRevocationList", () => {
  const OB_EXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
  const LIST = "https://issuer.test/revocations/1";
  it("revoked when the list names the credential id, passed otherwise", async () => {
    const cred = await issueOpenBadge(issuer, {
      now: NOW,
      extraContexts: [OB_EXT],
      status: { id: LIST, type: "1EdTechRevocationList" },
    });
    const revoked = {
      id: LIST,
      issuer: issuer.did,
      revokedCredentials: [{ id: cred.id, revocationReason: "Withdrawn" }],
    };
    expect(checkOf(await verifyCredential(diInput(cred), deps({ [LIST]: revoked })), "status")).toMatchObject({
      status: "failed",
      details: { revocationReason: "Withdrawn" },
    });
    expect(
      checkOf(await verifyCredential(diInput(cred), deps({ [LIST]: { ...revoked, revokedCredentials: [] } })), "status")
        .status,
    ).toBe("passed");
  });
});
