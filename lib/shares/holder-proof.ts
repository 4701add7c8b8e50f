import "server-only";
import { randomBytes } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { Database } from "@/db/client";
import { getHolderSigningKey } from "@/lib/identities/wallet-did";
import { createDocumentLoader } from "@/lib/verification/document-loader";

/**
 * The holder's own proof on a shared presentation: a Data Integrity proof (eddsa-rdfc-2022,
 * proofPurpose `authentication`) by the holder's current wallet DID, made on the server when the
 * presentation is downloaded (the key never leaves lib/identities/wallet-did.ts). It binds the
 * presentation to one request (`challenge`) and to the share it came from (`domain` = the share's
 * URL), so a recipient's tool can check that the presenter is the credentials' subject.
 */

/** Contexts and did:key only, never the network: the same loader verification uses. */
const documentLoader = createDocumentLoader();

/** What a requester may send as its own challenge (a recruiter's tool asking for its nonce): visible ASCII. */
const CHALLENGE = /^[\x21-\x7e]{1,200}$/;

export type ChallengeChoice = { ok: true; challenge: string } | { ok: false; message: string };

/** The requester's challenge when it gave one, else a fresh random one for this download. */
export function challengeFrom(requested: string | null): ChallengeChoice {
  if (requested === null) return { ok: true, challenge: randomBytes(18).toString("base64url") };
  return CHALLENGE.test(requested)
    ? { ok: true, challenge: requested }
    : { ok: false, message: "The challenge must be 1 to 200 visible ASCII characters (letters, digits, punctuation)." };
}

/** The presentation with `holder` set to the holder's current wallet DID and their authentication proof. */
export async function signAsHolder(
  db: Database,
  holderId: string,
  presentation: Record<string, unknown>,
  options: { challenge: string; domain: string; now: Date },
): Promise<Record<string, unknown>> {
  const key = await getHolderSigningKey(db, holderId);
  const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite: eddsaRdfc2022, date: options.now });
  return vc.signPresentation({
    presentation: { ...structuredClone(presentation), holder: key.did },
    suite,
    documentLoader,
    challenge: options.challenge,
    domain: options.domain,
  });
}
