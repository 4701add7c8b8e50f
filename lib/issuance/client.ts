/**
 * The OpenID4VCI client (@openid4vc/openid4vci, ADR 0028) wired to Tessera: every request through
 * the guarded fetcher (lib/net/protocol-fetch.ts), hashes and randomness from node:crypto, and JWTs
 * (the key proof) signed by the holder's key. Nothing else here decides anything.
 */
import { createHash, randomBytes } from "node:crypto";
import { Openid4vciClient } from "@openid4vc/openid4vci";
import { Oauth2Client, type Jwk } from "@openid4vc/oauth2";
import type { FetchLike } from "@/lib/net";
import { protocolFetch } from "@/lib/net/protocol-fetch";

/** The holder's signing key for key proofs: its DID URL (the `kid`), algorithm and public JWK. */
export interface HolderKey {
  didUrl: string;
  alg: "EdDSA" | "ES256";
  publicJwk: Jwk;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const b64url = (value: Uint8Array | string) => Buffer.from(value).toString("base64url");

function callbacks(
  fetch: FetchLike,
  holder?: HolderKey,
): ConstructorParameters<typeof Openid4vciClient>[0]["callbacks"] {
  return {
    fetch: protocolFetch(fetch),
    generateRandom: (bytes) => new Uint8Array(randomBytes(bytes)),
    hash: (data, alg) => new Uint8Array(createHash(alg.replace("-", "")).update(data).digest()),
    signJwt: async (_signer, { header, payload }) => {
      if (!holder) throw new Error("no holder key to sign with");
      const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
      const signature = await holder.sign(new TextEncoder().encode(input));
      return { jwt: `${input}.${b64url(signature)}`, signerJwk: holder.publicJwk };
    },
    // Public client: no client secret or attestation (OpenID4VCI pre-authorized code, wallet without a backend).
    clientAuthentication: () => undefined,
    // Encrypted credential responses are not requested, so nothing is ever decrypted.
    decryptJwe: () => ({ decrypted: false }),
  };
}

export function createIssuanceClient(fetch: FetchLike, holder?: HolderKey): Openid4vciClient {
  return new Openid4vciClient({ callbacks: callbacks(fetch, holder) });
}

/** The plain OAuth client, for the authorization request (the OpenID4VCI helper drops `state`). */
export function createOauthClient(fetch: FetchLike): Oauth2Client {
  return new Oauth2Client({ callbacks: callbacks(fetch) });
}
