/**
 * A JOSE issuer key from the token's `x5c` header (IETF SD-JWT VC "Inline X.509 Certificates"): the
 * key is the end-entity certificate's. That certificate is only the issuer's if its chain leads to
 * a certificate authority Tessera is configured to trust and it names the issuer (a SAN URI equal to
 * the issuer id, or a SAN DNS name matching its host). Without a trust list the chain is reported
 * as "not checked" and the key's owner stays unproven: the signature can still be checked, the
 * issuer cannot.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { createHash, X509Certificate } from "node:crypto";
import { fromPublicKey, UnsupportedKeyError } from "./multikey";
import { KeyResolutionError, type ResolvedKey } from "./resolved";

const MAX_CHAIN = 5;
const MAX_CERT_CHARS = 20_000;

interface Cert {
  node: X509Certificate;
  parsed: x509.X509Certificate;
  der: Buffer;
}

function readCert(der: Buffer): Cert {
  return { node: new X509Certificate(der), parsed: new x509.X509Certificate(new Uint8Array(der)), der };
}

function fromBase64(entry: unknown): Cert {
  if (typeof entry !== "string" || entry.length > MAX_CERT_CHARS || !/^[A-Za-z0-9+/=\s]+$/.test(entry))
    throw new KeyResolutionError("invalid", "an x5c entry is not a base64 certificate");
  try {
    return readCert(Buffer.from(entry, "base64"));
  } catch (cause) {
    throw new KeyResolutionError("invalid", "an x5c entry is not a readable certificate", { cause });
  }
}

/** Trust anchors as configured: PEM blocks or base64 DER. */
export function readTrustAnchors(anchors: ReadonlyArray<string>): Cert[] {
  return anchors.map((text) => {
    const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
    return readCert(Buffer.from((pem?.[1] ?? text).replace(/\s+/g, ""), "base64"));
  });
}

const validAt = (cert: Cert, now: Date) => cert.parsed.notBefore <= now && now <= cert.parsed.notAfter;
const signedBy = (cert: Cert, issuer: Cert) =>
  cert.node.checkIssued(issuer.node) && cert.node.verify(issuer.node.publicKey);

/** Walks leaf → intermediates (from x5c) → a trust anchor; undefined when it gets there, else why not. */
function chainProblem(chain: Cert[], anchors: Cert[], now: Date): string | undefined {
  let current = chain[0]!;
  const used = new Set<Cert>([current]);
  for (let depth = 0; depth <= MAX_CHAIN; depth++) {
    if (!validAt(current, now)) return `certificate ${current.node.subject.replace(/\n/g, ", ")} is not valid now`;
    if (anchors.some((a) => a.der.equals(current.der))) return undefined;
    const anchor = anchors.find((a) => a.node.ca && validAt(a, now) && signedBy(current, a));
    if (anchor) return undefined;
    const next = chain.find((c) => !used.has(c) && c.node.ca && signedBy(current, c));
    if (!next) return "the chain does not lead to a trusted certificate authority";
    used.add(next);
    current = next;
  }
  return "the chain is too long";
}

/** Does the certificate name this issuer? SAN URI = issuer id, or a SAN DNS name matching its host. */
function namesIssuer(cert: Cert, issuerId: string | undefined): boolean {
  if (!issuerId) return false;
  const san = cert.parsed.getExtension(x509.SubjectAlternativeNameExtension)?.names.toJSON() ?? [];
  if (san.some((n) => n.type === "url" && n.value === issuerId)) return true;
  let host: string | undefined;
  try {
    const url = new URL(issuerId);
    host = url.protocol === "https:" ? url.hostname : undefined;
  } catch {
    host = undefined;
  }
  return host !== undefined && san.some((n) => n.type === "dns") && cert.node.checkHost(host) !== undefined;
}

export interface X5cOptions {
  issuerId?: string;
  trustAnchors?: ReadonlyArray<string>;
  now: Date;
}

/** The key of `x5c[0]`, with its owner proven only through a configured trust list. */
export function keyFromX5c(x5c: unknown, options: X5cOptions): ResolvedKey {
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > MAX_CHAIN)
    throw new KeyResolutionError("invalid", "the x5c header is not a certificate chain");
  const chain = x5c.map(fromBase64);
  const leaf = chain[0]!;
  let material;
  try {
    material = fromPublicKey(leaf.node.publicKey);
  } catch (cause) {
    if (cause instanceof UnsupportedKeyError) throw new KeyResolutionError("unsupported", cause.message, { cause });
    throw cause;
  }
  const thumbprint = createHash("sha256").update(leaf.der).digest("base64url");
  const subject = leaf.node.subject.replace(/\n/g, ", ");
  const base = { ...material, keyId: `x5t#S256:${thumbprint}`, method: "x5c" as const, assertion: true };
  const facts = { certificateSubject: subject, "x5t#S256": thumbprint };
  const anchors = options.trustAnchors ?? [];
  if (anchors.length === 0)
    return {
      ...base,
      controller: "",
      facts: { ...facts, certificateChain: "not checked (no trust list is configured)" },
      ownerUnproven:
        "The issuer's certificate was not checked against a list of trusted authorities, so Tessera cannot confirm the signing key is the issuer's.",
    };
  const problem = chainProblem(chain, readTrustAnchors(anchors), options.now);
  if (problem)
    return {
      ...base,
      controller: "",
      facts: { ...facts, certificateChain: `not trusted: ${problem}` },
      ownerUnproven:
        "The issuer's certificate does not lead to an authority Tessera trusts, so Tessera cannot confirm the signing key is the issuer's.",
    };
  const checked = { ...facts, certificateChain: "checked against the configured trust list" };
  return namesIssuer(leaf, options.issuerId)
    ? { ...base, controller: options.issuerId!, facts: checked }
    : { ...base, controller: `the holder of certificate ${subject}`, facts: checked };
}
