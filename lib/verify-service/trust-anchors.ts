import { X509Certificate } from "node:crypto";
import fs from "node:fs";

/**
 * The certificate authorities (`TESSERA_X509_TRUST_ANCHORS`, `--trust-anchors`) that vouch for
 * JOSE issuers signing with an `x5c` certificate: a PEM file with one or more certificates. Each is
 * parsed here, so a wrong file stops the server at start with a message rather than later.
 */
export function loadTrustAnchors(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) throw new Error(`The trust list ${file} holds no PEM certificates.`);
  for (const [i, pem] of pems.entries()) {
    try {
      new X509Certificate(pem);
    } catch {
      throw new Error(`Certificate ${i + 1} in the trust list ${file} cannot be read.`);
    }
  }
  return pems;
}
