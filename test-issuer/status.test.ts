import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentLoader } from "@/lib/verification/document-loader";
import { createEd25519Issuer, type TestIssuer } from "./keys";
import { issueOpenBadge, issueOpenBadgeEd25519Signature2020 } from "./ob3";
import { verifyEmbedded } from "@/testkit/verification/reference-verify";
import { createStatusList, encodeBitstring, MIN_STATUS_LIST_LENGTH } from "./status";
import { tamper } from "./tamper";

let issuer: TestIssuer;
const NOW = "2026-03-02T09:00:00Z";

beforeAll(async () => {
  issuer = await createEd25519Issuer();
});

function bit(encoded: string, index: number): number {
  const bytes = gunzipSync(Buffer.from(encoded, "base64url"));
  return ((bytes[index >> 3] ?? 0) >> (7 - (index & 7))) & 1;
}

describe("bitstring encoding", () => {
  it("is MSB-first, gzip + base64url, spec-minimum length", () => {
    const encoded = encodeBitstring([0, 9, MIN_STATUS_LIST_LENGTH - 1], MIN_STATUS_LIST_LENGTH);
    expect(gunzipSync(Buffer.from(encoded, "base64url"))).toHaveLength(16_384);
    expect([0, 1, 9, 10, MIN_STATUS_LIST_LENGTH - 1].map((i) => bit(encoded, i))).toEqual([1, 0, 1, 0, 1]);
    expect(() => encodeBitstring([8], 8)).toThrow(RangeError);
  });
});

describe("BitstringStatusList", () => {
  it("a signed list; credentials at set and unset indexes report revoked / not revoked", async () => {
    const list = await createStatusList(issuer, { setIndexes: [23, 4096], now: NOW });
    expect(list.credential).toMatchObject({
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      credentialSubject: { type: "BitstringStatusList", statusPurpose: "revocation" },
    });
    expect(String((list.credential.credentialSubject as Record<string, unknown>).encodedList)).toMatch(/^u/);
    const documentLoader = createDocumentLoader({ extraDocuments: { [list.url]: list.credential } });
    expect((await verifyEmbedded(list.credential, { documentLoader })).verified).toBe(true);

    const revoked = await issueOpenBadge(issuer, { now: NOW, status: list.entry(23) });
    expect(revoked.credentialStatus).toEqual({
      id: `${list.url}#23`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: "23",
      statusListCredential: list.url,
    });
    const revokedResult = await verifyEmbedded(revoked, { documentLoader });
    // docs/formats/status-lists.md#pitfalls: a revoked credential still verifies; the bit is in the status result.
    expect(revokedResult.verified).toBe(true);
    expect(revokedResult.statusResult?.results?.[0]?.status).toBe(true);

    const valid = await issueOpenBadge(issuer, { now: NOW, status: list.entry(24) });
    expect((await verifyEmbedded(valid, { documentLoader })).statusResult?.results?.[0]?.status).toBe(false);

    // Without the list served, status is unknown (verified false), not "revoked".
    const offline = await verifyEmbedded(valid);
    expect(offline.verified).toBe(false);
    expect(offline.statusResult?.error?.message).toMatch(/Could not load "BitstringStatusListCredential"/);
  });

  it("a tampered list fails its own verification", async () => {
    const list = await createStatusList(issuer, { setIndexes: [1] });
    const tampered = tamper(
      list.credential,
      "credentialSubject.encodedList",
      `u${encodeBitstring([], MIN_STATUS_LIST_LENGTH)}`,
    );
    const documentLoader = createDocumentLoader({ extraDocuments: { [list.url]: tampered } });
    const credential = await issueOpenBadge(issuer, { status: list.entry(1) });
    const result = await verifyEmbedded(credential, { documentLoader });
    expect(result.verified).toBe(false);
    expect(result.statusResult?.error?.message).toMatch(/not verified/);
  });
});

describe("StatusList2021", () => {
  it("a signed VC 1.1 list (Ed25519Signature2020) and an entry whose context is added automatically", async () => {
    const list = await createStatusList(issuer, {
      type: "StatusList2021",
      purpose: "suspension",
      setIndexes: [6, 8],
      now: NOW,
    });
    expect(list.credential.type).toEqual(["VerifiableCredential", "StatusList2021Credential"]);
    expect(list.credential.proof).toMatchObject({ type: "Ed25519Signature2020" });
    const encoded = String((list.credential.credentialSubject as Record<string, unknown>).encodedList);
    expect([6, 7, 8].map((i) => bit(encoded, i))).toEqual([1, 0, 1]);
    expect((await verifyEmbedded(list.credential)).verified).toBe(true);

    const credential = await issueOpenBadgeEd25519Signature2020(issuer, { now: NOW, status: list.entry(8) });
    expect(credential["@context"]).toContain("https://w3id.org/vc/status-list/2021/v1");
    expect(credential.credentialStatus).toMatchObject({
      type: "StatusList2021Entry",
      statusPurpose: "suspension",
      statusListIndex: "8",
    });
    // The BSL library does not handle StatusList2021; check the signature with a no-op status hook.
    const result = await verifyEmbedded(credential, { checkStatus: async () => ({ verified: true }) });
    expect(result.verified, result.error?.message).toBe(true);
  });
});
