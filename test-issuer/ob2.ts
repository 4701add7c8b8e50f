/**
 * Open Badges 2.0 (docs/formats/ob2.md): a hosted Assertion with its BadgeClass, Issuer and
 * RevocationList served from a fake origin, and a signed Assertion (compact JWS, RS256) whose
 * `verification.creator` is a CryptographicKey listed in the issuer's `publicKey`.
 */
import { CompactSign } from "jose";
import { randomUUID } from "node:crypto";
import { resolveCommon, saltedSha256, type CommonOptions } from "./defaults";
import type { RsaKey } from "./keys";

export const OB2_CONTEXT = "https://w3id.org/openbadges/v2";

export interface Ob2Options extends CommonOptions {
  /** Origin every hosted document lives on (default https://issuer.test). */
  origin?: string;
  /** List the assertion in the issuer's revocation list. */
  revoked?: boolean;
  revocationReason?: string;
}

export interface Ob2Bundle {
  assertion: Record<string, unknown>;
  assertionUrl: string;
  badgeClass: Record<string, unknown>;
  issuer: Record<string, unknown>;
  revocationList: Record<string, unknown>;
  /** URL → JSON for a fetch test double (hosted assertion, badge class, issuer, key, revocation list). */
  documents: Record<string, Record<string, unknown>>;
}

export interface Ob2SignedBundle extends Ob2Bundle {
  jws: string;
  cryptographicKey: Record<string, unknown>;
}

function build(options: Ob2Options, signed: { keyUrl: string } | undefined): Ob2Bundle {
  const r = resolveCommon(options);
  const origin = options.origin ?? "https://issuer.test";
  const slug = r.achievement.humanCode.toLowerCase();
  const urls = {
    issuer: `${origin}/issuer.json`,
    badge: `${origin}/badges/${slug}.json`,
    revocations: `${origin}/revocations.json`,
    // Signed assertions need no hosted URL (ob_v2p0 §SignedBadge); a urn:uuid is the norm.
    assertion: signed ? `urn:uuid:${randomUUID()}` : `${origin}/assertions/${randomUUID()}.json`,
  };
  const a = r.achievement;
  const issuer = {
    "@context": OB2_CONTEXT,
    type: "Issuer",
    id: urls.issuer,
    name: r.issuer.name,
    url: r.issuer.url,
    email: r.issuer.email,
    revocationList: urls.revocations,
    ...(signed ? { publicKey: signed.keyUrl } : {}),
  };
  const badgeClass = {
    "@context": OB2_CONTEXT,
    type: "BadgeClass",
    id: urls.badge,
    name: a.name,
    description: a.description,
    image: `${origin}/badges/${slug}.png`,
    criteria: { narrative: `${a.criteria}\nNotional workload: ${a.hours} hours (${a.ects} ECTS).` },
    issuer: urls.issuer,
    tags: a.tags,
    alignment: [
      ...a.skills.map((s) => ({ targetName: s.name, targetUrl: s.uri, targetFramework: "ESCO" })),
      {
        targetName: `EQF level ${a.eqfLevel}`,
        targetUrl: `http://data.europa.eu/snb/eqf/${a.eqfLevel}`,
        targetFramework: "EQF",
        targetCode: String(a.eqfLevel),
      },
    ],
  };
  const { email, hashed, salt } = r.recipient;
  const assertion = {
    "@context": OB2_CONTEXT,
    type: "Assertion",
    id: options.id ?? urls.assertion,
    recipient: hashed
      ? { type: "email", hashed: true, salt, identity: saltedSha256(email, salt) }
      : { type: "email", hashed: false, identity: email },
    badge: urls.badge,
    verification: signed ? { type: "signed", creator: signed.keyUrl } : { type: "hosted" },
    issuedOn: r.validFrom,
    ...(r.validUntil ? { expires: r.validUntil } : {}),
    narrative: a.learningOutcomes.join(" "),
  };
  const revocationList = {
    "@context": OB2_CONTEXT,
    type: "RevocationList",
    id: urls.revocations,
    issuer: urls.issuer,
    revokedAssertions: options.revoked
      ? [{ id: assertion.id, revocationReason: options.revocationReason ?? "Issued in error" }]
      : [],
  };
  const documents: Ob2Bundle["documents"] = {
    [urls.issuer]: issuer,
    [urls.badge]: badgeClass,
    [urls.revocations]: revocationList,
  };
  if (!signed) documents[assertion.id] = assertion;
  return { assertion, assertionUrl: assertion.id, badgeClass, issuer, revocationList, documents };
}

/** Hosted assertion: verification means re-fetching `assertionUrl` from `documents`. */
export function createOb2Hosted(options: Ob2Options = {}): Ob2Bundle {
  return build(options, undefined);
}

/** Signed assertion: `jws` is the compact JWS (RS256) whose payload is the assertion JSON. */
export async function createOb2Signed(key: RsaKey, options: Ob2Options = {}): Promise<Ob2SignedBundle> {
  const origin = options.origin ?? "https://issuer.test";
  const keyUrl = `${origin}/keys/1.json`;
  const bundle = build(options, { keyUrl });
  const cryptographicKey = {
    "@context": OB2_CONTEXT,
    type: "CryptographicKey",
    id: keyUrl,
    owner: bundle.issuer.id,
    publicKeyPem: key.publicKeyPem,
  };
  const payload = new TextEncoder().encode(JSON.stringify(bundle.assertion));
  const jws = await new CompactSign(payload).setProtectedHeader({ alg: "RS256" }).sign(key.privateKey);
  return { ...bundle, jws, cryptographicKey, documents: { ...bundle.documents, [keyUrl]: cryptographicKey } };
}
