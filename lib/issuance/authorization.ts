/**
 * "Add from an issuer" when the issuer wants the holder to sign in first: the OAuth 2.0
 * authorization code grant with PKCE (S256) and `state`, as OpenID4VCI describes it. The library
 * discovers the authorization server from the issuer's metadata, builds the authorization request
 * and exchanges the code; Tessera keeps the PKCE verifier and `state` (sealed, in a cookie of the
 * holder's browser, lib/issuance/holder.ts) and refuses a callback whose `state` is not the one it
 * sent, or that comes a second time.
 */
import { timingSafeEqual } from "node:crypto";
import type { ImportItem } from "@/lib/import/pipeline";
import type { FetchLike } from "@/lib/net";
import { createIssuanceClient, createOauthClient, type HolderKey } from "./client";
import { OfferRefusedError, offerRefusal } from "./errors";
import { resolveOffer } from "./offer";
import { requestCredentials } from "./receive";

/** What must survive the trip to the issuer and back; never shown to the page. */
export interface PendingAuthorization {
  offer: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startAuthorization(
  text: string,
  options: { fetch: FetchLike; redirectUri: string; clientId: string; state: string },
): Promise<{ authorizationUrl: string; pending: PendingAuthorization }> {
  const { offer, metadata, preview } = await resolveOffer(text, options.fetch);
  if (preview.grant !== "authorization_code")
    throw new OfferRefusedError("This offer does not need a sign-in at the issuer: add it with the transaction code.");
  const client = createOauthClient(options.fetch);
  let started: Awaited<ReturnType<typeof client.createAuthorizationRequestUrl>>;
  try {
    // The authorization server the offer names, else the issuer's first (discovered with its metadata).
    const named = offer.grants?.authorization_code?.authorization_server;
    const authorizationServerMetadata =
      metadata.authorizationServers.find((server) => server.issuer === named) ?? metadata.authorizationServers[0];
    if (!authorizationServerMetadata || (named && authorizationServerMetadata.issuer !== named))
      throw new OfferRefusedError("The issuer does not describe the authorization server its offer names.");
    // Not createAuthorizationRequestUrlFromOffer: in 0.7.0 it drops `state`.
    started = await client.createAuthorizationRequestUrl({
      authorizationServerMetadata,
      clientId: options.clientId,
      redirectUri: options.redirectUri,
      state: options.state,
      resource: metadata.credentialIssuer.credential_issuer,
      additionalRequestPayload: {
        ...(offer.grants?.authorization_code?.issuer_state
          ? { issuer_state: offer.grants.authorization_code.issuer_state }
          : {}),
      },
    });
  } catch (error) {
    throw offerRefusal(error, "Tessera could not find where to sign in at this issuer (its authorization server).");
  }
  if (!started.pkce || started.pkce.codeChallengeMethod !== "S256")
    throw new OfferRefusedError(
      "This issuer's sign-in does not protect the code it sends back (PKCE with S256), so Tessera will not use it.",
    );
  if (!/^https?:\/\//i.test(started.authorizationRequestUrl))
    throw new OfferRefusedError("The issuer's sign-in page is not a web address Tessera can send you to.");
  return {
    authorizationUrl: started.authorizationRequestUrl,
    pending: {
      offer: text,
      state: options.state,
      codeVerifier: started.pkce.codeVerifier,
      redirectUri: options.redirectUri,
    },
  };
}

/** The issuer sent the holder back to `callbackUrl`: check `state`, exchange the code, fetch the credentials. */
export async function finishAuthorization(
  pending: PendingAuthorization,
  callbackUrl: string,
  options: { fetch: FetchLike; holder: HolderKey },
): Promise<ImportItem[]> {
  const params = new URL(callbackUrl).searchParams;
  const state = params.get("state") ?? "";
  if (!sameText(state, pending.state))
    throw new OfferRefusedError(
      "This sign-in answer does not belong to the request Tessera sent (its state differs), so it was not used. Start again from the offer.",
    );
  if (params.has("error"))
    throw new OfferRefusedError(
      "The issuer did not give access: you may have cancelled the sign-in. Start again from the offer.",
    );
  const resolved = await resolveOffer(pending.offer, options.fetch);
  const client = createIssuanceClient(options.fetch, options.holder);
  let accessToken: string;
  let tokenNonce: string | undefined;
  try {
    const authorizationServer = resolved.metadata.authorizationServers[0];
    if (!authorizationServer) throw new OfferRefusedError("The issuer names no authorization server.");
    const response = client.parseAndVerifyAuthorizationResponseRedirectUrl({
      url: callbackUrl,
      authorizationServerMetadata: authorizationServer,
    });
    if (!response.code) throw new OfferRefusedError("The issuer sent no code back.");
    const { accessTokenResponse } = await client.retrieveAuthorizationCodeAccessTokenFromOffer({
      credentialOffer: resolved.offer,
      issuerMetadata: resolved.metadata,
      authorizationCode: response.code,
      pkceCodeVerifier: pending.codeVerifier,
      redirectUri: pending.redirectUri,
    });
    accessToken = accessTokenResponse.access_token;
    tokenNonce = typeof accessTokenResponse.c_nonce === "string" ? accessTokenResponse.c_nonce : undefined;
  } catch (error) {
    throw offerRefusal(
      error,
      "The issuer did not accept the sign-in: it may have been used already or expired. Start again from the offer.",
    );
  }
  return requestCredentials(client, resolved, accessToken, tokenNonce, options.holder);
}
