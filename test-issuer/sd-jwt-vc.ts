/**
 * SD-JWT VC (IETF SD-JWT and SD-JWT VC drafts) and Token Status Lists, written by hand with
 * `jose` and node:crypto — on purpose not with @sd-jwt/core, which the verifier uses, so a bug in
 * one cannot hide a bug in the other (docs/formats/sd-jwt-vc.md). Every claim outside the
 * registered ones is selectively disclosable unless `alwaysVisible` says otherwise.
 *
 * Knobs for the negative cases: `sdAlg` (e.g. "none"), `unreferenced` (a disclosure no digest
 * names), `duplicateDigest` (one digest listed twice), and, at presentation, a key-binding JWT
 * signed by the wrong key or over the wrong `sd_hash`.
 */
import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { CompactSign, SignJWT, base64url, type JWK } from "jose";
import type { JwtSigner } from "./keys";

/** Registered claims the SD-JWT VC draft says must not be selectively disclosable. */
const NEVER_DISCLOSABLE = new Set(["iss", "nbf", "exp", "cnf", "vct", "status", "iat", "sub"]);

export const DEFAULT_SD_JWT_VCT = "https://credentials.tessera.test/vct/micro-credential";

export interface SdJwtVcOptions {
  now?: Date;
  /** Claims of the credential itself (title, learning outcomes, …); defaults to a health-worker course. */
  claims?: Record<string, unknown>;
  vct?: string;
  /** `exp`: seconds after `now` (negative: already expired); unset: no expiry. */
  expiresInSeconds?: number;
  /** The holder's public key, bound in `cnf.jwk`. */
  holderJwk?: JWK;
  /** `status.status_list` reference (Token Status List). */
  status?: { uri: string; idx: number };
  /** Claim names that stay in the clear (default: only the registered claims). */
  alwaysVisible?: string[];
  typ?: string;
  sdAlg?: string;
  /** Append a disclosure that no digest in the payload references. */
  unreferenced?: boolean;
  /** List the first digest twice in `_sd`. */
  duplicateDigest?: boolean;
}

export interface IssuedSdJwtVc {
  /** `<issuer-signed JWT>~<disclosure>~…~` — what the issuer hands the holder. */
  token: string;
  disclosures: { name: string; encoded: string }[];
}

export const sdDigest = (encoded: string) => base64url.encode(createHash("sha256").update(encoded, "ascii").digest());

function disclosure(name: string, value: unknown): string {
  return base64url.encode(JSON.stringify([base64url.encode(randomBytes(16)), name, value]));
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function defaultSdJwtClaims(): Record<string, unknown> {
  return {
    title: "Sepsis recognition and escalation",
    description: "Recognising sepsis early and escalating care with the Sepsis Six bundle.",
    issuer_name: "Northbridge Clinical Skills Academy",
    given_name: "Aoife",
    family_name: "Byrne",
    learning_outcomes: ["Recognise red-flag sepsis", "Start the Sepsis Six within an hour"],
    workload_hours: 6,
    ects: 0.25,
    eqf_level: 5,
    assessment_type: "Supervised simulation",
  };
}

export async function issueSdJwtVc(signer: JwtSigner, options: SdJwtVcOptions = {}): Promise<IssuedSdJwtVc> {
  const now = options.now ?? new Date();
  const claims = options.claims ?? defaultSdJwtClaims();
  const visible = new Set(options.alwaysVisible ?? []);
  const payload: Record<string, unknown> = {
    iss: signer.did,
    iat: seconds(now),
    vct: options.vct ?? DEFAULT_SD_JWT_VCT,
    ...(options.expiresInSeconds !== undefined ? { exp: seconds(now) + options.expiresInSeconds } : {}),
    ...(options.holderJwk ? { cnf: { jwk: options.holderJwk } } : {}),
    ...(options.status ? { status: { status_list: options.status } } : {}),
  };
  const disclosures: IssuedSdJwtVc["disclosures"] = [];
  for (const [name, value] of Object.entries(claims)) {
    if (NEVER_DISCLOSABLE.has(name) || visible.has(name)) payload[name] = value;
    else disclosures.push({ name, encoded: disclosure(name, value) });
  }
  const digests = disclosures.map((d) => sdDigest(d.encoded)).sort();
  if (options.duplicateDigest && digests[0]) digests.push(digests[0]);
  if (digests.length > 0) {
    payload._sd = digests;
    payload._sd_alg = options.sdAlg ?? "sha-256";
  }
  const header = {
    ...signer.header,
    alg: signer.alg,
    typ: options.typ ?? "dc+sd-jwt",
    ...(signer.verificationMethod ? { kid: signer.verificationMethod } : {}),
  };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(signer.privateKey);
  const extra = options.unreferenced ? [disclosure("unlisted_claim", "not covered by the signature")] : [];
  const parts = [...disclosures.map((d) => d.encoded), ...extra];
  return { token: `${jws}~${parts.map((p) => `${p}~`).join("")}`, disclosures };
}

export interface KeyBindingOptions {
  /** Claim names to keep; undefined keeps every disclosure. */
  disclose?: string[];
  holderKey: CryptoKey;
  holderAlg?: string;
  aud?: string;
  nonce?: string;
  now?: Date;
  /** Sign over another `sd_hash` than the presented SD-JWT's (a key-binding mismatch). */
  wrongSdHash?: boolean;
}

/** A presentation: the chosen disclosures plus a key-binding JWT signed by the holder's key. */
export async function presentSdJwtVc(issued: IssuedSdJwtVc, options: KeyBindingOptions): Promise<string> {
  const [jwt = ""] = issued.token.split("~");
  const kept = issued.disclosures.filter((d) => !options.disclose || options.disclose.includes(d.name));
  const withoutKb = `${jwt}~${kept.map((d) => `${d.encoded}~`).join("")}`;
  const sdHash = sdDigest(options.wrongSdHash ? `${withoutKb}x` : withoutKb);
  const kb = await new SignJWT({
    nonce: options.nonce ?? "n-0S6_WzA2Mj",
    aud: options.aud ?? "https://verifier.test",
    sd_hash: sdHash,
  })
    .setProtectedHeader({ alg: options.holderAlg ?? "ES256", typ: "kb+jwt" })
    .setIssuedAt(seconds(options.now ?? new Date()))
    .sign(options.holderKey);
  return `${withoutKb}${kb}`;
}

export interface TokenStatusList {
  uri: string;
  /** The Status List Token (`typ: statuslist+jwt`), as the issuer serves it at `uri`. */
  token: string;
}

/**
 * A Token Status List (IETF OAuth Status List draft): one bit per credential, LSB first within a
 * byte, ZLIB-compressed and base64url-encoded in `status_list.lst`, inside a JWT the issuer signs.
 */
export async function createTokenStatusList(
  signer: JwtSigner,
  options: { uri: string; set?: number[]; size?: number; now?: Date; expiresInSeconds?: number; bits?: 1 | 2 | 4 | 8 },
): Promise<TokenStatusList> {
  const bits = options.bits ?? 1;
  const size = options.size ?? 1024;
  const bytes = new Uint8Array(Math.ceil((size * bits) / 8));
  for (const index of options.set ?? []) {
    const bit = index * bits;
    bytes[bit >> 3]! |= 1 << (bit & 7);
  }
  const now = options.now ?? new Date();
  const jwt = new SignJWT({ sub: options.uri, status_list: { bits, lst: base64url.encode(deflateSync(bytes)) } })
    .setProtectedHeader({
      ...signer.header,
      alg: signer.alg,
      typ: "statuslist+jwt",
      ...(signer.verificationMethod ? { kid: signer.verificationMethod } : {}),
    })
    .setIssuer(signer.did)
    .setIssuedAt(seconds(now));
  if (options.expiresInSeconds !== undefined) jwt.setExpirationTime(seconds(now) + options.expiresInSeconds);
  return { uri: options.uri, token: await jwt.sign(signer.privateKey) };
}
