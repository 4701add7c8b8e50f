/**
 * A test certificate authority and the certificates it issues, for JOSE issuers that sign with an
 * `x5c` header (SD-JWT VC "Inline X.509 Certificates"). Every run makes fresh keys; nothing here is
 * a real trust anchor.
 */
import "./reflect-shim";
import * as x509 from "@peculiar/x509";
import { exportPKCS8, importPKCS8 } from "jose";
import { randomBytes } from "node:crypto";
import type { JwtAlg } from "./keys";

const CA_ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
const YEAR = 365 * 86_400_000;

export interface TestCa {
  certificate: x509.X509Certificate;
  /** The CA certificate as PEM: what a trust list holds. */
  pem: string;
  /** Base64 DER: an `x5c` entry. */
  x5c: string;
  keys: CryptoKeyPair;
}

export interface IssuedCertificate {
  x5c: string;
  pem: string;
  /** The certificate's private key, ready for jose to sign `alg` with. */
  privateKey: CryptoKey;
}

function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive INTEGER
  return bytes.toString("hex");
}

const toX5c = (certificate: x509.X509Certificate) => Buffer.from(certificate.rawData).toString("base64");

interface Validity {
  notBefore?: Date;
  notAfter?: Date;
}

function validity(options: Validity) {
  const notBefore = options.notBefore ?? new Date(Date.now() - YEAR);
  return { notBefore, notAfter: options.notAfter ?? new Date(notBefore.getTime() + 10 * YEAR) };
}

/** A root CA, or — with `parent` — an intermediate CA signed by it. */
export async function createTestCa(options: { name?: string; parent?: TestCa } & Validity = {}): Promise<TestCa> {
  const keys = (await crypto.subtle.generateKey(CA_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const name = `CN=${options.name ?? (options.parent ? "Tessera Test Intermediate CA" : "Tessera Test Root CA")}`;
  const extensions = [
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
  const certificate = options.parent
    ? await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: name,
        issuer: options.parent.certificate.subject,
        ...validity(options),
        signingAlgorithm: CA_ALGORITHM,
        publicKey: keys.publicKey,
        signingKey: options.parent.keys.privateKey,
        extensions,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: serial(),
        name,
        ...validity(options),
        signingAlgorithm: CA_ALGORITHM,
        keys,
        extensions,
      });
  return { certificate, pem: certificate.toString("pem"), x5c: toX5c(certificate), keys };
}

/** Web Crypto parameters for a leaf key of each JOSE algorithm (RSA keys are plain rsaEncryption keys). */
function leafAlgorithm(alg: JwtAlg): RsaHashedKeyGenParams | EcKeyGenParams | { name: "Ed25519" } {
  const rsa = {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
  };
  switch (alg) {
    case "ES256":
      return { name: "ECDSA", namedCurve: "P-256" };
    case "ES384":
      return { name: "ECDSA", namedCurve: "P-384" };
    case "ES512":
      return { name: "ECDSA", namedCurve: "P-521" };
    case "EdDSA":
      return { name: "Ed25519" };
    default:
      return rsa;
  }
}

/** An end-entity certificate for a JOSE signer, naming the issuer by SAN DNS name and/or URI. */
export async function issueLeafCertificate(
  ca: TestCa,
  options: { alg: JwtAlg; subject?: string; dns?: string[]; uris?: string[] } & Validity,
): Promise<IssuedCertificate> {
  const keys = (await crypto.subtle.generateKey(leafAlgorithm(options.alg), true, ["sign", "verify"])) as CryptoKeyPair;
  const names = [
    ...(options.dns ?? []).map((value) => ({ type: "dns" as const, value })),
    ...(options.uris ?? []).map((value) => ({ type: "url" as const, value })),
  ];
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: options.subject ?? "CN=Northbridge School of Nursing credential signer",
    issuer: ca.certificate.subject,
    ...validity(options),
    signingAlgorithm: CA_ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
    ],
  });
  // PS256 signs with RSA-PSS over the same rsaEncryption key.
  const privateKey =
    options.alg === "PS256"
      ? ((await importPKCS8(await exportPKCS8(keys.privateKey), "PS256")) as CryptoKey)
      : keys.privateKey;
  return { x5c: toX5c(certificate), pem: certificate.toString("pem"), privateKey };
}
