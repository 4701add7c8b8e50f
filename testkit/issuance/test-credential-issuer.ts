/**
 * An OpenID4VCI credential issuer for tests, on a loopback port, built on the issuer side of
 * @openid4vc/openid4vci and @openid4vc/oauth2 (Openid4vciIssuer, Oauth2AuthorizationServer): issuer
 * and authorization-server metadata, the pre-authorized code token endpoint (one use per code, with
 * an optional transaction code), a nonce endpoint, and a credential endpoint that checks the key
 * proof and issues an SD-JWT VC (test-issuer) bound to the proof's key by `cnf.kid`. It also serves
 * its logo and the documents a verifier fetches for what it signed (JWT VC issuer metadata), so a
 * running Tessera server can verify what it received. Knobs make it misbehave the ways the issue lists (wrong `credential_issuer`, 1,000 configurations).
 */
import http from "node:http";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Oauth2AuthorizationServer, type AuthorizationServerMetadata } from "@openid4vc/oauth2";
import { Openid4vciIssuer, type CredentialIssuerMetadata, type IssuerMetadataResult } from "@openid4vc/openid4vci";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import sharp from "sharp";
import type { FetchLike } from "@/lib/net";
import { resolveVerificationMethod } from "@/lib/verification/keys/did";
import { verifySignature, type SignatureAlg } from "@/lib/verification/keys/signature";
import { createJoseIssuer, defaultSdJwtClaims, issueSdJwtVc } from "@/test-issuer";

export interface TestCredentialIssuer {
  origin: string;
  /** A fresh `openid-credential-offer://` offer (by value) with a new pre-authorized code. */
  offer(options?: { txCode?: string; configurationIds?: string[] }): string;
  /** An offer for the authorization code grant: the holder signs in at the issuer's authorization endpoint. */
  offerWithAuthorizationCode(): string;
  /** The same offer by reference: the offer object is served at a URL on the issuer. */
  offerByReference(options?: { txCode?: string }): string;
  /** Every path requested, in order. */
  requests: string[];
  /** The documents a verifier needs for what this issuer signed (its JWT VC issuer metadata). */
  documents: Record<string, unknown>;
  close(): Promise<void>;
}

export interface TestCredentialIssuerOptions {
  /** The metadata names this issuer instead of itself. */
  wrongCredentialIssuer?: string;
  /** Pad the metadata with this many credential configurations. */
  extraConfigurations?: number;
  /** Bind issued credentials to this DID URL instead of the key that signed the proof. */
  bindTo?: string;
  /** Listen on this loopback port (an e2e server is told it in advance); 0 picks a free one. */
  port?: number;
}

const CONFIGURATION = "micro-credential-sd-jwt";
/** The issuer's logo: a small teal square, drawn once. */
const logoPng = sharp({ create: { width: 64, height: 64, channels: 3, background: "#0f766e" } })
  .png()
  .toBuffer();
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

export async function startTestCredentialIssuer(
  options: TestCredentialIssuerOptions = {},
): Promise<TestCredentialIssuer> {
  const requests: string[] = [];
  const codes = new Map<string, { txCode?: string }>();
  const authorizationCodes = new Map<string, { codeChallenge: string; redirectUri: string }>();
  const tokens = new Set<string>();
  const nonces = new Set<string>();
  const offers = new Map<string, unknown>();
  const serverKey = await generateKeyPair("ES256", { extractable: true });
  const serverJwk = await exportJWK(serverKey.publicKey);
  let origin = "";
  // The credential signer's `iss` is this server's origin, known only once it listens.
  const credentialSigner: { current?: Awaited<ReturnType<typeof createJoseIssuer>> } = {};
  const noFetch: FetchLike = async () => {
    throw new Error("the test issuer resolves did:key only");
  };

  const callbacks = {
    hash: (data: Uint8Array, alg: string) => new Uint8Array(createHash(alg.replace("-", "")).update(data).digest()),
    generateRandom: (n: number) => new Uint8Array(randomBytes(n)),
    signJwt: async (_s: unknown, jwt: { header: Record<string, unknown>; payload: Record<string, unknown> }) => ({
      jwt: await new SignJWT(jwt.payload)
        .setProtectedHeader({ ...jwt.header, alg: "ES256" })
        .sign(serverKey.privateKey),
      signerJwk: serverJwk as never,
    }),
    verifyJwt: async (jwtSigner: { method: string; didUrl?: string; alg: string }, jwt: { compact: string }) => {
      if (jwtSigner.method !== "did" || !jwtSigner.didUrl) return { verified: false as const };
      const key = await resolveVerificationMethod(jwtSigner.didUrl, noFetch);
      const [h, p, s] = jwt.compact.split(".");
      const ok = verifySignature(
        key,
        jwtSigner.alg as SignatureAlg,
        Buffer.from(`${h}.${p}`),
        Buffer.from(s!, "base64url"),
      );
      return ok ? { verified: true as const, signerJwk: {} as never } : { verified: false as const };
    },
    encryptJwe: () => {
      throw new Error("not used");
    },
    fetch: globalThis.fetch,
    clientAuthentication: () => undefined,
  };
  const issuer = new Openid4vciIssuer({ callbacks: callbacks as never });
  const authorizationServer = new Oauth2AuthorizationServer({ callbacks: callbacks as never });

  const credentialIssuerMetadata = (): CredentialIssuerMetadata => {
    const configurations: Record<string, unknown> = {
      [CONFIGURATION]: {
        format: "dc+sd-jwt",
        vct: "https://credentials.tessera.test/vct/micro-credential",
        cryptographic_binding_methods_supported: ["did:key"],
        credential_signing_alg_values_supported: ["ES256"],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ["EdDSA", "ES256"] } },
        credential_metadata: { display: [{ name: "Sepsis recognition and escalation", locale: "en" }] },
      },
    };
    for (let i = 0; i < (options.extraConfigurations ?? 0); i++)
      configurations[`padding-${i}`] = { ...(configurations[CONFIGURATION] as object) };
    return {
      credential_issuer: options.wrongCredentialIssuer ?? origin,
      credential_endpoint: `${origin}/credential`,
      nonce_endpoint: `${origin}/nonce`,
      display: [{ name: "Northbridge Clinical Skills Academy", locale: "en", logo: { uri: `${origin}/logo.png` } }],
      credential_configurations_supported: configurations,
    } as CredentialIssuerMetadata;
  };
  const authorizationServerMetadata = (): AuthorizationServerMetadata => ({
    issuer: origin,
    token_endpoint: `${origin}/token`,
    authorization_endpoint: `${origin}/authorize`,
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    grant_types_supported: ["urn:ietf:params:oauth:grant-type:pre-authorized_code", "authorization_code"],
    "pre-authorized_grant_anonymous_access_supported": true,
  });
  const issuerMetadata = (): IssuerMetadataResult => ({
    originalDraftVersion: "V1" as never,
    credentialIssuer: credentialIssuerMetadata(),
    authorizationServers: [authorizationServerMetadata()],
    knownCredentialConfigurations: credentialIssuerMetadata().credential_configurations_supported as never,
  });

  const newAccessToken = async () => {
    const token = await authorizationServer.createAccessTokenResponse({
      audience: origin,
      authorizationServer: origin,
      expiresInSeconds: 300,
      signer: { method: "jwk", alg: "ES256", publicJwk: serverJwk as never },
      subject: randomUUID(),
    });
    tokens.add(token.access_token);
    return token;
  };
  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  async function handle(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    const request = {
      headers: new Headers(req.headers as Record<string, string>),
      method: req.method as "POST",
      url: url.href,
    };
    switch (url.pathname) {
      case "/.well-known/openid-credential-issuer":
        return json(res, 200, credentialIssuerMetadata());
      case "/.well-known/oauth-authorization-server":
        return json(res, 200, authorizationServerMetadata());
      case "/token": {
        const parsed = authorizationServer.parseAccessTokenRequest({
          request,
          accessTokenRequest: Object.fromEntries(new URLSearchParams(body)),
        });
        if (parsed.grant.grantType === "authorization_code") {
          const grant = parsed.grant as { grantType: "authorization_code"; code: string };
          const issued = authorizationCodes.get(grant.code);
          if (!issued) return json(res, 400, { error: "invalid_grant" });
          authorizationCodes.delete(grant.code); // one use per code, refused when replayed
          try {
            await authorizationServer.verifyAuthorizationCodeAccessTokenRequest({
              authorizationServerMetadata: authorizationServerMetadata(),
              grant: grant as never,
              accessTokenRequest: parsed.accessTokenRequest,
              request,
              expectedCode: grant.code,
              pkce: {
                codeChallenge: issued.codeChallenge,
                codeChallengeMethod: "S256" as never,
                ...(parsed.pkceCodeVerifier ? { codeVerifier: parsed.pkceCodeVerifier } : {}),
              },
            });
            if (parsed.accessTokenRequest.redirect_uri !== issued.redirectUri) throw new Error("redirect_uri");
          } catch {
            return json(res, 400, { error: "invalid_grant" });
          }
          return json(res, 200, await newAccessToken());
        }
        const grant = parsed.grant as { grantType: string; preAuthorizedCode?: string };
        const code = grant.preAuthorizedCode ? codes.get(grant.preAuthorizedCode) : undefined;
        if (!code || !grant.preAuthorizedCode) return json(res, 400, { error: "invalid_grant" });
        try {
          await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
            authorizationServerMetadata: authorizationServerMetadata(),
            grant: parsed.grant as never,
            accessTokenRequest: parsed.accessTokenRequest,
            request,
            expectedPreAuthorizedCode: grant.preAuthorizedCode,
            ...(code.txCode ? { expectedTxCode: code.txCode } : {}),
          });
        } catch {
          return json(res, 400, { error: "invalid_grant" });
        }
        codes.delete(grant.preAuthorizedCode); // one use per code
        return json(res, 200, await newAccessToken());
      }
      case "/authorize": {
        // The holder "signs in" and agrees at once: the code goes back to the wallet's redirect URI.
        const q = url.searchParams;
        const redirectUri = q.get("redirect_uri");
        const codeChallenge = q.get("code_challenge");
        if (
          !redirectUri ||
          !codeChallenge ||
          q.get("code_challenge_method") !== "S256" ||
          q.get("response_type") !== "code"
        )
          return json(res, 400, { error: "invalid_request" });
        const code = b64(randomBytes(16));
        authorizationCodes.set(code, { codeChallenge, redirectUri });
        const back = new URL(redirectUri);
        back.searchParams.set("code", code);
        if (q.get("state")) back.searchParams.set("state", q.get("state")!);
        back.searchParams.set("iss", origin);
        return res.writeHead(302, { location: back.href }).end();
      }
      case "/nonce": {
        const nonce = randomUUID();
        nonces.add(nonce);
        return json(res, 200, issuer.createNonceResponse({ cNonce: nonce }));
      }
      case "/credential": {
        const token = (req.headers.authorization ?? "").replace(/^(?:Bearer|DPoP) /, "");
        if (!tokens.has(token)) return json(res, 401, { error: "invalid_token" });
        const metadata = issuerMetadata();
        const credentialRequest = issuer.parseCredentialRequest({
          issuerMetadata: metadata,
          credentialRequest: JSON.parse(body),
        });
        const jwt = (credentialRequest.proofs?.jwt?.[0] ??
          (credentialRequest as { proof?: { jwt?: string } }).proof?.jwt) as string | undefined;
        const nonce = jwt
          ? (JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { nonce?: string }).nonce
          : undefined;
        if (!jwt || !nonce || !nonces.delete(nonce)) return json(res, 400, { error: "invalid_nonce" });
        let kid: string;
        try {
          const verified = await issuer.verifyCredentialRequestJwtProof({
            issuerMetadata: metadata,
            jwt,
            expectedNonce: nonce,
          });
          kid = String(verified.header.kid);
        } catch {
          return json(res, 400, { error: "invalid_proof" });
        }
        tokens.delete(token);
        const withClaims = await issueSdJwtVc(credentialSigner.current!, {
          claims: { ...defaultSdJwtClaims(), cnf: { kid: options.bindTo ?? kid } },
        });
        const { credentialResponse } = await issuer.createCredentialResponse({
          credentialRequest,
          credentials: [{ credential: withClaims.token }],
        });
        return json(res, 200, credentialResponse);
      }
      case "/logo.png":
        return res.writeHead(200, { "content-type": "image/png" }).end(await logoPng);
      default:
        if (offers.has(url.pathname)) return json(res, 200, offers.get(url.pathname));
        // What a verifier fetches for the credentials signed here (JWT VC issuer metadata, keys).
        if (Object.hasOwn(credentialSigner.current?.documents ?? {}, `${origin}${url.pathname}`))
          return json(res, 200, credentialSigner.current!.documents[`${origin}${url.pathname}`]);
        return json(res, 404, { error: "not_found" });
    }
  }

  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      handle(req, body, res).catch(() => json(res, 500, { error: "server_error" }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  origin = `http://127.0.0.1:${address.port}`;
  const signer = await createJoseIssuer({ iss: origin, alg: "ES256" });
  credentialSigner.current = signer;

  const offerObject = (txCode?: string, configurationIds = [CONFIGURATION]) => {
    const code = b64(randomBytes(16));
    codes.set(code, txCode ? { txCode } : {});
    return {
      credential_issuer: origin,
      credential_configuration_ids: configurationIds,
      grants: {
        "urn:ietf:params:oauth:grant-type:pre-authorized_code": {
          "pre-authorized_code": code,
          ...(txCode
            ? { tx_code: { length: txCode.length, input_mode: "numeric", description: "Sent to you by email" } }
            : {}),
        },
      },
    };
  };
  return {
    origin,
    requests,
    documents: signer.documents,
    offer: (o = {}) =>
      `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offerObject(o.txCode, o.configurationIds)))}`,
    offerWithAuthorizationCode: () =>
      `openid-credential-offer://?credential_offer=${encodeURIComponent(
        JSON.stringify({
          credential_issuer: origin,
          credential_configuration_ids: [CONFIGURATION],
          grants: { authorization_code: { issuer_state: randomUUID() } },
        }),
      )}`,
    offerByReference: (o = {}) => {
      const path = `/offers/${randomUUID()}`;
      offers.set(path, offerObject(o.txCode));
      return `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${origin}${path}`)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
