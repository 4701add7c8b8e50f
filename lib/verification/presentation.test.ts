import jsigs from "jsonld-signatures";
import { describe, expect, it } from "vitest";
import { createEd25519Issuer, createPresentation, issueVc2 } from "@/test-issuer";
import { createSuite, signPresentationAs } from "@/test-issuer/sign";
import type { FetchLike } from "@/lib/net";
import { createDocumentLoader } from "./document-loader";
import { verifyHolderProof } from "./presentation";
import type { VerifyInput } from "./types";

const offline: FetchLike = async (url) => {
  throw new Error(`no network in this test (${url})`);
};
const deps = { fetch: offline, now: () => new Date() };

function contained(credential: Record<string, unknown>): VerifyInput {
  return {
    record: { format: "vc", securing: "data-integrity" } as VerifyInput["record"],
    payload: credential,
  };
}

describe("the holder check of a presentation", () => {
  it("fails a proof made for issuing, not for presenting", async () => {
    const holder = await createEd25519Issuer();
    const credential = await issueVc2(await createEd25519Issuer(), { recipientId: holder.did });
    const unsigned = await createPresentation({ credentials: [credential] });
    const signed = await jsigs.sign(
      { ...unsigned, holder: holder.did },
      {
        suite: createSuite(holder),
        purpose: new jsigs.purposes.AssertionProofPurpose(),
        documentLoader: createDocumentLoader(),
      },
    );
    const check = await verifyHolderProof(signed, [contained(credential)], deps);
    expect(check).toMatchObject({ id: "holder", status: "failed" });
    expect(check.reason).toMatch(/not for presenting credentials \(proofPurpose must be authentication\)/);
  });

  it("fails a presentation naming one holder and signed by another", async () => {
    const [named, signer] = [await createEd25519Issuer(), await createEd25519Issuer()];
    const credential = await issueVc2(await createEd25519Issuer(), { recipientId: named.did });
    const presentation = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiablePresentation"],
      holder: named.did,
      verifiableCredential: [credential],
    };
    const signed = await signPresentationAs(presentation, signer, { challenge: "n-1" });
    const check = await verifyHolderProof(signed, [contained(credential)], deps);
    expect(check.status).toBe("failed");
    expect(check.reason).toBe(`The presentation names ${named.did} as its holder, but it was signed by ${signer.did}.`);
  });

  it("passes only with a challenge, and reports the challenge and domain to compare", async () => {
    const holder = await createEd25519Issuer();
    const credential = await issueVc2(await createEd25519Issuer(), { recipientId: holder.did });
    const signed = await createPresentation({
      credentials: [credential],
      holder,
      challenge: "n-2",
      domain: "https://tessera.example/v/t",
    });
    const check = await verifyHolderProof(signed, [contained(credential)], deps);
    expect(check).toMatchObject({
      status: "passed",
      details: { signer: holder.did, challenge: "n-2", domain: "https://tessera.example/v/t" },
    });
    expect(check.reason).toMatch(/subject of the credential in it/);
    // The same proof with its challenge removed no longer matches what was signed.
    const { challenge: _dropped, ...proof } = signed.proof as Record<string, unknown>;
    expect((await verifyHolderProof({ ...signed, proof }, [contained(credential)], deps)).status).toBe("failed");
  });

  it("does not check a VP-JWT's signature, and says so", async () => {
    const check = await verifyHolderProof({}, [], deps, true);
    expect(check).toMatchObject({ id: "holder", status: "unknown" });
  });
});
