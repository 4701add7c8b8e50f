import "server-only";
import { randomBytes } from "node:crypto";
import type { Jwk } from "@openid4vc/oauth2";
import type { Database } from "@/db/client";
import { rasterizeBadgeImage } from "@/lib/hostile-input/image";
import { createImportJob, ISSUER_SOURCE } from "@/lib/import/jobs";
import { decryptSecret, encryptSecret } from "@/lib/identities/key-encryption";
import { getHolderSigningKey } from "@/lib/identities/wallet-did";
import type { FetchLike } from "@/lib/net";
import { finishAuthorization, startAuthorization, type PendingAuthorization } from "./authorization";
import type { HolderKey } from "./client";
import { OfferRefusedError } from "./errors";
import { resolveOffer, type OfferPreview } from "./offer";
import { receiveOffer } from "./receive";

/**
 * "Add from an issuer" for one signed-in holder (the data layer of app/(wallet)/import/actions.ts):
 * the preview she consents to, then the flow with the key proof signed by her wallet DID (made on
 * first use), and the credentials queued for the import pipeline as a job of her own. Every id used here is the caller's own; nothing takes an id from the request.
 */

/** What the page shows before consent: the issuer's logo only as our own sanitized raster. */
export type OfferPreviewView = Omit<OfferPreview, "logoUrl"> & { logo?: string };

/** The holder's wallet DID key in the shape the OpenID4VCI client signs key proofs with. */
async function holderKeyFor(db: Database, holderId: string): Promise<HolderKey> {
  const key = await getHolderSigningKey(db, holderId);
  const signer = key.keyPair.signer();
  return {
    didUrl: key.verificationMethod,
    alg: "EdDSA",
    publicJwk: key.publicJwk as Jwk,
    sign: async (data) => new Uint8Array(await signer.sign({ data })),
  };
}

/** Fetched through lib/net and redrawn as our PNG; an unreachable or hostile logo is simply not shown. */
async function logoDataUrl(url: string | undefined, fetch: FetchLike): Promise<string | undefined> {
  if (!url) return undefined;
  try {
    const response = await fetch(url, { accept: "image/png, image/svg+xml, image/*" });
    const image = await rasterizeBadgeImage(response.body, response.headers["content-type"]);
    return `data:image/png;base64,${Buffer.from(image.png).toString("base64")}`;
  } catch {
    return undefined;
  }
}

export async function previewOffer(text: string, fetch: FetchLike): Promise<OfferPreviewView> {
  const { preview } = await resolveOffer(text, fetch);
  const { logoUrl, ...rest } = preview;
  const logo = await logoDataUrl(logoUrl, fetch);
  return { ...rest, ...(logo ? { logo } : {}) };
}

/**
 * Runs the flow on the holder's consent and queues what arrived as an import job of her own (the
 * background worker runs it: verified, deduplicated, a credential bound to someone else's key
 * refused). Returns the job to follow; nothing is stored when the issuer refuses.
 */
export async function receiveOfferForHolder(
  db: Database,
  holderId: string,
  input: { offer: string; txCode?: string | undefined },
  fetch: FetchLike,
): Promise<{ jobId: string }> {
  const holder = await holderKeyFor(db, holderId);
  const items = await receiveOffer(input.offer, { holder, fetch, ...(input.txCode ? { txCode: input.txCode } : {}) });
  return { jobId: await createImportJob(db, holderId, ISSUER_SOURCE, items) };
}

/** Where the issuer sends the holder back after signing in (app/(wallet)/import/issuer-callback). */
export const ISSUER_CALLBACK_PATH = "/import/issuer-callback";
/** The cookie that holds the sealed PKCE verifier and state while the holder signs in at the issuer. */
export const ISSUER_SIGN_IN_COOKIE = "tessera-issuer-sign-in";
/** Why the last sign-in at an issuer did not bring a credential, for /import to say (one minute). */
export const ISSUER_SIGN_IN_MESSAGE_COOKIE = "tessera-issuer-message";
/** A sign-in at the issuer must come back within this time. */
export const ISSUER_SIGN_IN_SECONDS = 10 * 60;

type SealedSignIn = PendingAuthorization & { holderId: string; expiresAt: number };

/**
 * Authorization code flow, step one: the issuer's sign-in page to send the holder to, and the
 * PKCE verifier and `state` sealed (JWE under the server's key-encryption key) for a cookie of her
 * browser, bound to her account and to ten minutes.
 */
export async function startIssuerSignIn(
  holderId: string,
  offer: string,
  options: { fetch: FetchLike; appUrl: string },
): Promise<{ authorizationUrl: string; sealed: string }> {
  const { authorizationUrl, pending } = await startAuthorization(offer, {
    fetch: options.fetch,
    redirectUri: `${options.appUrl}${ISSUER_CALLBACK_PATH}`,
    clientId: options.appUrl,
    state: randomBytes(32).toString("base64url"),
  });
  const sealed: SealedSignIn = { ...pending, holderId, expiresAt: Date.now() + ISSUER_SIGN_IN_SECONDS * 1000 };
  return { authorizationUrl, sealed: await encryptSecret(JSON.stringify(sealed)) };
}

const NOT_STARTED =
  "This sign-in answer was already used, has expired, or was not started here, so Tessera did not use it. Start again from the offer.";

/** Step two, at the callback: the sealed request must be this holder's and fresh; `state` is checked in finishAuthorization. */
export async function finishIssuerSignIn(
  db: Database,
  holderId: string,
  sealed: string | undefined,
  callbackUrl: string,
  fetch: FetchLike,
): Promise<{ jobId: string }> {
  if (!sealed) throw new OfferRefusedError(NOT_STARTED);
  let pending: SealedSignIn;
  try {
    pending = JSON.parse(await decryptSecret(sealed)) as SealedSignIn;
  } catch {
    throw new OfferRefusedError(NOT_STARTED);
  }
  if (pending.holderId !== holderId || !(pending.expiresAt > Date.now())) throw new OfferRefusedError(NOT_STARTED);
  const items = await finishAuthorization(pending, callbackUrl, { fetch, holder: await holderKeyFor(db, holderId) });
  return { jobId: await createImportJob(db, holderId, ISSUER_SOURCE, items) };
}
