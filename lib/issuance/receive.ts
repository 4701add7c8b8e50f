/**
 * "Add from an issuer", step two, on the holder's consent: the pre-authorized code flow of
 * OpenID4VCI (docs/formats/openid4vci.md). Token (with the transaction code when the offer asks for
 * one), a fresh nonce from the issuer's nonce endpoint where it has one, a key proof JWT signed by the
 * holder's key for each credential, then the credentials themselves. What comes back is returned as
 * import items, so it arrives through the one import pipeline (original bytes kept, verified,
 * deduplicated, one transaction) — nothing is stored here.
 */
import type { Openid4vciClient } from "@openid4vc/openid4vci";
import type { FetchLike } from "@/lib/net";
import type { ImportItem } from "@/lib/import/pipeline";
import { createIssuanceClient, type HolderKey } from "./client";
import { OfferRefusedError, offerRefusal } from "./errors";
import { resolveOffer, type ResolvedOffer } from "./offer";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

/** The credentials of one offer, ready for the import pipeline. */
export async function receiveOffer(
  text: string,
  options: { txCode?: string; holder: HolderKey; fetch: FetchLike },
): Promise<ImportItem[]> {
  const resolved = await resolveOffer(text, options.fetch);
  const { offer, metadata, preview } = resolved;
  if (preview.grant !== "pre-authorized_code")
    throw new OfferRefusedError("This issuer asks you to sign in with it first: use “Sign in with the issuer”.");
  const txCode = options.txCode?.trim();
  if (preview.txCode && !txCode)
    throw new OfferRefusedError("The issuer asks for a transaction code: enter the code it sent you.");
  if (txCode && preview.txCode?.numeric && !/^\d{1,16}$/.test(txCode))
    throw new OfferRefusedError("The transaction code is made of digits only.");
  const client = createIssuanceClient(options.fetch, options.holder);
  let accessToken: string;
  let tokenNonce: string | undefined;
  try {
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer: offer,
      issuerMetadata: metadata,
      ...(txCode ? { txCode } : {}),
    });
    accessToken = accessTokenResponse.access_token;
    tokenNonce = typeof accessTokenResponse.c_nonce === "string" ? accessTokenResponse.c_nonce : undefined;
  } catch (error) {
    throw offerRefusal(
      error,
      preview.txCode
        ? "The issuer did not accept the offer with this transaction code. Check the code, or ask the issuer for a new offer (each offer can be used once)."
        : "The issuer did not accept the offer: it may have been used already or expired. Ask the issuer for a new one.",
    );
  }
  return requestCredentials(client, resolved, accessToken, tokenNonce, options.holder);
}

/**
 * With an access token (from either grant): for each offered credential a fresh nonce where the
 * issuer has a nonce endpoint, a key proof signed by the holder's key, and the credential request.
 */
export async function requestCredentials(
  client: Openid4vciClient,
  { metadata, preview }: ResolvedOffer,
  accessToken: string,
  tokenNonce: string | undefined,
  holder: HolderKey,
): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  for (const credential of preview.credentials) {
    try {
      const nonce = metadata.credentialIssuer.nonce_endpoint
        ? (await client.requestNonce({ issuerMetadata: metadata })).c_nonce
        : tokenNonce;
      const proof = await client.createCredentialRequestJwtProof({
        issuerMetadata: metadata,
        credentialConfigurationId: credential.id,
        signer: { method: "did", didUrl: holder.didUrl, alg: holder.alg },
        ...(nonce ? { nonce } : {}),
      });
      const response = await client.retrieveCredentials({
        issuerMetadata: metadata,
        accessToken,
        credentialConfigurationId: credential.id,
        proof: { proof_type: "jwt", jwt: proof.jwt },
      });
      const issued = response.credentialResponse.credentials ?? [];
      if (issued.length === 0)
        throw new OfferRefusedError(
          `${preview.issuerName} will send “${credential.name}” later; Tessera cannot wait for deferred credentials yet.`,
        );
      issued.forEach((entry, index) =>
        items.push({
          name: `${credential.name}${issued.length > 1 ? ` (${index + 1})` : ""}`,
          bytes: encode(typeof entry === "string" ? entry : entry.credential),
        }),
      );
    } catch (error) {
      throw offerRefusal(error, `${preview.issuerName} did not issue “${credential.name}”.`);
    }
  }
  return items;
}
