/**
 * Status lists (docs/formats/status-lists.md#bitstring-status-list): a signed BitstringStatusListCredential (VC 2.0,
 * eddsa-rdfc-2022) or StatusList2021Credential (VC 1.1, Ed25519Signature2020 as DCC issues them),
 * with chosen indexes set. Serve `credential` at `url` via `createDocumentLoader({extraDocuments})`.
 */
import { gzipSync } from "node:zlib";
import { resolveCommon, type DateInput } from "./defaults";
import type { TestIssuer } from "./keys";
import { ED25519_2020_CONTEXT, VC_V1, VC_V2, signCredential, type SignedCredential } from "./sign";

export type StatusListType = "BitstringStatusList" | "StatusList2021";
export type StatusPurpose = "revocation" | "suspension";

/** The spec minimum: 16 KiB = 131,072 entries (W3C Bitstring Status List §4.1). */
export const MIN_STATUS_LIST_LENGTH = 131_072;

export interface StatusListOptions {
  url?: string;
  type?: StatusListType;
  purpose?: StatusPurpose;
  /** Indexes whose bit is set (revoked or suspended). */
  setIndexes?: number[];
  length?: number;
  now?: DateInput;
  validFrom?: DateInput;
  validUntil?: DateInput;
}

export interface StatusList {
  url: string;
  type: StatusListType;
  purpose: StatusPurpose;
  credential: SignedCredential;
  /** The `credentialStatus` entry a credential uses to point at bit `index`. */
  entry(index: number): Record<string, unknown>;
}

/** gzip + base64url of an MSB-first bitstring (bit 0 is the high bit of byte 0). */
export function encodeBitstring(setIndexes: number[], length: number): string {
  const bytes = new Uint8Array(Math.ceil(length / 8));
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length)
      throw new RangeError(`status index out of range: ${index}`);
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return gzipSync(bytes).toString("base64url");
}

export async function createStatusList(issuer: TestIssuer, options: StatusListOptions = {}): Promise<StatusList> {
  const type = options.type ?? "BitstringStatusList";
  const purpose = options.purpose ?? "revocation";
  const url = options.url ?? `https://status.issuer.test/lists/${type.toLowerCase()}-${purpose}-1`;
  const encoded = encodeBitstring(options.setIndexes ?? [], options.length ?? MIN_STATUS_LIST_LENGTH);
  const r = resolveCommon({ now: options.now, validFrom: options.validFrom, validUntil: options.validUntil });
  const bitstring = type === "BitstringStatusList";
  const unsigned = {
    "@context": bitstring
      ? [VC_V2]
      : [
          VC_V1,
          "https://w3id.org/vc/status-list/2021/v1",
          ...(issuer.kind === "ed25519" ? [ED25519_2020_CONTEXT] : []),
        ],
    id: url,
    type: ["VerifiableCredential", `${type}Credential`],
    issuer: issuer.did,
    ...(bitstring
      ? { validFrom: r.validFrom, ...(r.validUntil ? { validUntil: r.validUntil } : {}) }
      : { issuanceDate: r.validFrom, ...(r.validUntil ? { expirationDate: r.validUntil } : {}) }),
    credentialSubject: {
      id: `${url}#list`,
      type,
      statusPurpose: purpose,
      // Bitstring Status List uses multibase base64url ("u" prefix); StatusList2021 has no prefix.
      encodedList: bitstring ? `u${encoded}` : encoded,
    },
  };
  const proof = bitstring || issuer.kind !== "ed25519" ? issuer.cryptosuite : "Ed25519Signature2020";
  const credential = await signCredential(unsigned, issuer, { proof, now: options.now });
  return {
    url,
    type,
    purpose,
    credential,
    entry: (index) => ({
      id: `${url}#${index}`,
      type: `${type}Entry`,
      statusPurpose: purpose,
      statusListIndex: String(index),
      statusListCredential: url,
    }),
  };
}
