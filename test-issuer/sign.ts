/**
 * Embedded-proof signing through the reference stack (@digitalbazaar/vc `issue`), with the same
 * offline document loader verification uses — so a credential that signs here is one Tessera's
 * verifier can check.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as ecdsaRdfc2019 } from "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import * as vc from "@digitalbazaar/vc";
import { createDocumentLoader, type DocumentLoader } from "@/lib/verification/document-loader";
import { toIso, type DateInput } from "./defaults";
import type { TestIssuer } from "./keys";

export type ProofKind = "eddsa-rdfc-2022" | "ecdsa-rdfc-2019" | "Ed25519Signature2020";

export type SignedCredential = Record<string, unknown> & {
  proof: Record<string, unknown> | Array<Record<string, unknown>>;
};

const sharedLoader = createDocumentLoader();

export const VC_V1 = "https://www.w3.org/2018/credentials/v1";
export const VC_V2 = "https://www.w3.org/ns/credentials/v2";
export const ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";

export function createSuite(issuer: TestIssuer, proof: ProofKind = issuer.cryptosuite, now?: DateInput): unknown {
  const date = now === undefined ? undefined : toIso(now);
  const signer = issuer.keyPair.signer();
  if (proof === "Ed25519Signature2020") {
    if (issuer.kind !== "ed25519") throw new TypeError("Ed25519Signature2020 needs an Ed25519 issuer");
    return new Ed25519Signature2020({ signer, date });
  }
  if (proof === "ecdsa-rdfc-2019" && issuer.kind !== "p256")
    throw new TypeError("ecdsa-rdfc-2019 needs a P-256 issuer");
  if (proof === "eddsa-rdfc-2022" && issuer.kind !== "ed25519")
    throw new TypeError("eddsa-rdfc-2022 needs an Ed25519 issuer");
  const cryptosuite = proof === "ecdsa-rdfc-2019" ? ecdsaRdfc2019 : eddsaRdfc2022;
  return new DataIntegrityProof({ signer, cryptosuite, date });
}

/**
 * Signs a credential with an assertionMethod proof. The input is not mutated. VC 1.1 credentials
 * signed with a Data Integrity suite get the data-integrity/v2 context appended by the library.
 */
export async function signCredential<T extends object>(
  credential: T,
  issuer: TestIssuer,
  options: { proof?: ProofKind; now?: DateInput; documentLoader?: DocumentLoader } = {},
): Promise<T & SignedCredential> {
  const suite = createSuite(issuer, options.proof, options.now);
  const signed = await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: options.documentLoader ?? sharedLoader,
    now: options.now === undefined ? undefined : toIso(options.now),
  });
  return signed as T & SignedCredential;
}

/** Signs a presentation with an authentication proof (holder binding), eddsa/ecdsa only. */
export async function signPresentationAs<T extends object>(
  presentation: T,
  holder: TestIssuer,
  options: { challenge: string; domain?: string; now?: DateInput },
): Promise<T & SignedCredential> {
  const signed = await vc.signPresentation({
    presentation: structuredClone(presentation),
    suite: createSuite(holder, holder.cryptosuite, options.now),
    documentLoader: sharedLoader,
    challenge: options.challenge,
    domain: options.domain,
  });
  return signed as T & SignedCredential;
}
