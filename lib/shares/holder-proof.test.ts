import * as vc from "@digitalbazaar/vc";
import { expect, it } from "vitest";
import { createEd25519Issuer, createPresentation, issueOpenBadge, issueVc2 } from "@/test-issuer";
import { getOrCreateWalletDid, rotateWalletDid } from "@/lib/identities/wallet-did";
import type { FetchLike } from "@/lib/net";
import { createDocumentLoader } from "@/lib/verification/document-loader";
import { verifyUpload } from "@/lib/verify-service/verify-upload";
import { describeEachDatabase } from "@/testkit/each-database";
import { storeSignedTestCredential } from "@/testkit/shares/signed-test-credential";
import { verificationSuites } from "@/testkit/verification/reference-verify";
import { createTestHolder } from "@/testkit/wallet/test-credentials";
import { createShare, revokeShare } from "./data";
import { getHolderSignedPresentation } from "./downloads";
import { challengeFrom } from "./holder-proof";

const NOW = new Date("2026-11-23T10:00:00Z");
const DOMAIN = "https://tessera.example/v/tsv_test";
const offline: FetchLike = async (url) => {
  throw new Error(`no network in this test (${url})`);
};

type Vp = Record<string, unknown> & {
  proof: Record<string, unknown>;
  verifiableCredential: Array<Record<string, unknown> & { credentialSubject: Record<string, unknown> }>;
};

/** @digitalbazaar/vc verify (a presentation): the holder's proof with the expected challenge and domain, and every credential. */
async function reference(presentation: object, challenge: string, domain = DOMAIN) {
  return vc.verify({
    presentation,
    suite: verificationSuites(),
    documentLoader: createDocumentLoader(),
    challenge,
    domain,
  });
}

/** Tessera's own verifier, as /verify and POST /api/v1/verify run it. */
async function tessera(presentation: object) {
  const outcome = await verifyUpload("presentation.json", new TextEncoder().encode(JSON.stringify(presentation)), {
    fetch: offline,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describeEachDatabase("holder-bound presentations from a share link", (ctx) => {
  async function sharedToWalletDid() {
    const db = ctx().db;
    const holder = await createTestHolder(db, `vp.${crypto.randomUUID()}@example.org`);
    const did = await getOrCreateWalletDid(db, holder);
    const issuer = await createEd25519Issuer();
    const ids: string[] = [];
    for (const title of ["Nursing registration", "Sepsis recognition"]) {
      const credential = await issueVc2(issuer, { recipientId: did, now: "2026-01-01T00:00:00Z" });
      const stored = await storeSignedTestCredential(db, holder, {
        title,
        format: "vc",
        securing: "data-integrity",
        payload: credential,
      });
      ids.push(stored.id);
    }
    const { share, token } = (await createShare(db, holder, { scope: "selection", credentialIds: ids }, { now: NOW }))!;
    return { db, holder, did, ids, share, token };
  }

  async function download(token: string, options: { challenge: string; credentialId?: string }) {
    const answer = await getHolderSignedPresentation(ctx().db, token, NOW, { domain: DOMAIN, ...options });
    if (answer.status !== "ok") throw new Error(answer.status);
    return answer.presentation as Vp;
  }

  it("is signed by the holder's wallet DID and verifies with @digitalbazaar/vc and with Tessera's verifier", async () => {
    const { did, token } = await sharedToWalletDid();
    const vp = await download(token, { challenge: "recruiter-nonce-1" });
    expect(vp.holder).toBe(did);
    expect(vp.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "authentication",
      verificationMethod: `${did}#${did.slice("did:key:".length)}`,
      challenge: "recruiter-nonce-1",
      domain: DOMAIN,
    });
    expect(JSON.stringify(vp)).not.toMatch(/"d"\s*:|privateKey|secretKey/);

    const ref = await reference(vp, "recruiter-nonce-1");
    expect(ref.error).toBeUndefined();
    expect(ref.verified).toBe(true);

    const own = await tessera(vp);
    expect(own.results.map((r) => r.verdict)).toEqual(["verified", "verified"]);
    expect(own.presentation?.holder).toBe(did);
    expect(own.presentation?.check).toMatchObject({
      id: "holder",
      status: "passed",
      details: { signer: did, challenge: "recruiter-nonce-1", domain: DOMAIN, subjectOf: "2 of 2" },
    });
  });

  it("signs one credential of the share on its own, and nothing for a credential outside it", async () => {
    const { db, holder, ids, token } = await sharedToWalletDid();
    const one = await download(token, { challenge: "c-1", credentialId: ids[0]! });
    expect(one.verifiableCredential).toHaveLength(1);
    expect((await reference(one, "c-1")).verified).toBe(true);
    expect((await tessera(one)).presentation?.check.status).toBe("passed");
    const other = await storeSignedTestCredential(db, holder, { title: "Not shared" });
    const answer = await getHolderSignedPresentation(db, token, NOW, {
      challenge: "c-1",
      domain: DOMAIN,
      credentialId: other.id,
    });
    expect(answer).toEqual({ status: "not-found" });
  });

  it("gives a fresh challenge to every download unless the requester names one", async () => {
    const first = challengeFrom(null);
    const second = challengeFrom(null);
    expect(first.ok && second.ok && first.challenge !== second.challenge).toBe(true);
    expect(challengeFrom("nonce-from-a-recruiter")).toEqual({ ok: true, challenge: "nonce-from-a-recruiter" });
    for (const bad of ["", "with space", "x".repeat(201), "naïve"]) expect(challengeFrom(bad).ok).toBe(false);
  });

  it("fails in both verifiers when tampered: a changed subject, another holder, another challenge or domain", async () => {
    const { token } = await sharedToWalletDid();
    const vp = await download(token, { challenge: "nonce-2" });
    const other = await createEd25519Issuer();

    const subject = structuredClone(vp);
    subject.verifiableCredential[0]!.credentialSubject.registrationNumber = "RGN-999999";
    const holder = { ...structuredClone(vp), holder: other.did };
    const challenge = structuredClone(vp);
    challenge.proof.challenge = "nonce-3";
    const domain = structuredClone(vp);
    domain.proof.domain = "https://elsewhere.example/v/x";

    for (const tampered of [subject, holder, challenge, domain]) {
      expect(
        (await reference(tampered, String(tampered.proof.challenge), String(tampered.proof.domain))).verified,
      ).toBe(false);
      const own = await tessera(tampered);
      expect(own.presentation?.check.status).toBe("failed");
      expect(own.presentation?.check.reason).toMatch(/changed after it was signed/);
    }
    // The credential whose subject changed fails on its own too; the untouched one still verifies.
    expect((await tessera(subject)).results.map((r) => r.verdict)).toEqual(["not-verified", "verified"]);
    // Untouched, but presented for another request or to another site: the reference verifier refuses it.
    expect((await reference(vp, "nonce-other")).verified).toBe(false);
    expect((await reference(vp, "nonce-2", "https://elsewhere.example")).verified).toBe(false);
  });

  it("signs with the current DID after rotation, and says in words when the credentials name an earlier one", async () => {
    const { db, holder, did, token } = await sharedToWalletDid();
    const current = await rotateWalletDid(db, holder);
    const vp = await download(token, { challenge: "nonce-4" });
    expect(vp.holder).toBe(current);
    expect((await reference(vp, "nonce-4")).verified).toBe(true);
    const check = (await tessera(vp)).presentation?.check;
    expect(check?.status).toBe("unknown");
    expect(check?.reason).toMatch(/validly signed by did:key:.*2 of the 2 credentials are issued to another DID/);
    expect(check?.details?.signer).toBe(current);
    expect(current).not.toBe(did);
  });

  it("gives no presentation for a revoked link", async () => {
    const { db, holder, share, token } = await sharedToWalletDid();
    await revokeShare(db, holder, share.id, NOW);
    expect(await getHolderSignedPresentation(db, token, NOW, { challenge: "n", domain: DOMAIN })).toEqual({
      status: "revoked",
    });
  });
});

it("Tessera's verifier never counts an unsigned presentation, or one issued to an email, as the presenter's", async () => {
  const issuer = await createEd25519Issuer();
  const badge = await issueOpenBadge(issuer, {});
  const unsigned = await tessera(await createPresentation({ credentials: [badge] }));
  expect(unsigned.results.map((r) => r.verdict)).toEqual(["verified"]);
  expect(unsigned.presentation?.check).toMatchObject({ id: "holder", status: "unknown" });
  expect(unsigned.presentation?.check.reason).toMatch(/not signed by the person presenting it/);

  const holder = await createEd25519Issuer();
  const signed = await createPresentation({ credentials: [badge], holder, challenge: "n-5", domain: DOMAIN });
  expect((await reference(signed, "n-5")).verified).toBe(true);
  const byEmail = (await tessera(signed)).presentation?.check;
  expect(byEmail?.status).toBe("unknown");
  expect(byEmail?.reason).toMatch(/the credential is issued to an email address/);
});
