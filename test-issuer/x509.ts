/**
 * A self-signed "seal" certificate for test JAdES signatures. It stands in for a qualified
 * electronic seal certificate (QSealC): same subject shape (organizationIdentifier, OID 2.5.4.97),
 * but no trusted-list anchor, so "qualified" checks must report it as not qualified.
 */
import "./reflect-shim";
import * as x509 from "@peculiar/x509";
import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_ISSUER_PROFILE, type DateInput, type IssuerProfile } from "./defaults";

export type SealAlg = "ES256" | "RS256";

export interface SealCertificate {
  alg: SealAlg;
  certificate: x509.X509Certificate;
  /** DER, standard base64: the `x5c[0]` value. */
  x5c: string;
  pem: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** JAdES `kid`: base64 DER of RFC 5035 IssuerSerial {issuer GeneralNames, serialNumber}. */
  issuerSerial: string;
  /** `x5t#S256`: base64url SHA-256 of the certificate DER. */
  thumbprintS256: string;
}

const ALGORITHMS: Record<SealAlg, RsaHashedKeyGenParams | (EcKeyGenParams & { hash: string })> = {
  ES256: { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" },
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
};

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

function issuerSerial(certificate: x509.X509Certificate): string {
  const name = Buffer.from(certificate.issuerName.toArrayBuffer());
  let serial = Buffer.from(certificate.serialNumber, "hex");
  if ((serial[0] ?? 0) & 0x80) serial = Buffer.concat([Buffer.from([0]), serial]);
  const generalNames = der(0x30, der(0xa4, name)); // GeneralNames ::= SEQUENCE { directoryName [4] Name }
  return der(0x30, Buffer.concat([generalNames, der(0x02, serial)])).toString("base64");
}

export async function createSealCertificate(
  options: { alg?: SealAlg; profile?: Partial<IssuerProfile>; notBefore?: DateInput; notAfter?: DateInput } = {},
): Promise<SealCertificate> {
  const alg = options.alg ?? "ES256";
  const profile = { ...DEFAULT_ISSUER_PROFILE, ...options.profile };
  const algorithm = ALGORITHMS[alg];
  const keys = (await globalThis.crypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const notBefore = new Date(options.notBefore ?? Date.now() - 86_400_000);
  const notAfter = new Date(options.notAfter ?? notBefore.getTime() + 3 * 365 * 86_400_000);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive INTEGER
  const escape = (v: string) => v.replace(/([,+"\\<>;=])/g, "\\$1");
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString("hex"),
    name: `CN=${escape(profile.name)}, O=${escape(profile.name)}, 2.5.4.97=${escape(profile.legalIdentifier)}, C=${profile.countryCode}`,
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    ],
  });
  const raw = Buffer.from(certificate.rawData);
  return {
    alg,
    certificate,
    x5c: raw.toString("base64"),
    pem: certificate.toString("pem"),
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    issuerSerial: issuerSerial(certificate),
    thumbprintS256: createHash("sha256").update(raw).digest("base64url"),
  };
}
