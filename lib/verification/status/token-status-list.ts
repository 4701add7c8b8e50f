/**
 * Token Status List (IETF OAuth Status List draft), the status mechanism of SD-JWT VC: the
 * credential's `status.status_list` names a list (`uri`) and its position (`idx`); the issuer serves
 * a Status List Token there — a JWT (`typ: statuslist+jwt`) whose `sub` is that `uri` and whose
 * `status_list` holds `bits` per credential, LSB first, ZLIB-compressed in `lst`. As with the W3C
 * lists (status-list.ts), the token must verify, be the credential issuer's, and be current before
 * its bits mean anything; otherwise the status is "unknown", never "not revoked"
 * (docs/formats/status-lists.md#token-status-list, docs/threat-model.md E9).
 */
import { inflateSync } from "node:zlib";
import { failed, passed, unknown } from "../checks";
import { isRecord, str, type Json } from "../json";
import { resolveJoseIssuerKeys } from "../keys/jose-issuer-keys";
import { KeyAlgorithmMismatchError, verifySignature } from "../keys/signature";
import { LIMITS } from "../limits";
import { JOSE_ALGS, allowedAlg, parseCompactJws } from "../proofs/jws";
import { errorDetail } from "../reasons";
import type { Check, VerifyDeps } from "../types";
import { jwtDateFacts, validityCheck } from "../validity";
import { parseStatusIndex } from "./bitstring";

const ALGS = JOSE_ALGS;

export interface TokenStatusReference {
  uri?: string;
  idx?: number;
}

/** The credential's `status.status_list`, or undefined when it has none. */
export function tokenStatusReference(claims: Json): TokenStatusReference | undefined {
  const status = isRecord(claims.status) ? claims.status : undefined;
  if (!status || !isRecord(status.status_list)) return undefined;
  return { uri: str(status.status_list.uri), idx: parseStatusIndex(status.status_list.idx) };
}

type Loaded = { bits: number; list: Uint8Array } | { problem: string };

const UNUSABLE = "so revocation could not be checked.";

function inflateList(lst: unknown): Uint8Array | undefined {
  if (typeof lst !== "string" || !/^[A-Za-z0-9_-]+$/.test(lst) || lst.length > LIMITS.maxEncodedListChars)
    return undefined;
  // A zlib bomb stops at the cap instead of filling memory.
  return new Uint8Array(inflateSync(Buffer.from(lst, "base64url"), { maxOutputLength: LIMITS.maxBitstringBytes }));
}

async function loadList(uri: string, issuerId: string, deps: VerifyDeps): Promise<Loaded> {
  let token: string;
  try {
    token = (await deps.fetch(uri, { accept: "application/statuslist+jwt" })).text().trim();
  } catch {
    return { problem: `The issuer's status list could not be reached, ${UNUSABLE}` };
  }
  let jws;
  try {
    jws = parseCompactJws(token);
  } catch {
    return { problem: `The issuer's status list is not a signed status list token, ${UNUSABLE}` };
  }
  const alg = allowedAlg(jws.header.alg, ALGS);
  if (!alg || jws.header.typ !== "statuslist+jwt" || jws.payload.sub !== uri)
    return { problem: `The issuer's status list is not a status list token for this address, ${UNUSABLE}` };
  if (str(jws.payload.iss) !== undefined && jws.payload.iss !== issuerId)
    return { problem: `The status list was not published by the credential's issuer, ${UNUSABLE}` };
  const found = await resolveJoseIssuerKeys({ iss: issuerId, kid: str(jws.header.kid), header: jws.header, alg }, deps);
  const signedByIssuer =
    found.ok &&
    found.keys.some((key) => {
      try {
        return key.controller === issuerId && verifySignature(key, alg, jws.signingInput, jws.signature);
      } catch (error) {
        if (error instanceof KeyAlgorithmMismatchError) return false;
        throw error;
      }
    });
  if (!signedByIssuer)
    return { problem: `The issuer's status list could not be verified as the issuer's own, ${UNUSABLE}` };
  const validity = validityCheck(jwtDateFacts(jws.payload), deps.now());
  if (validity.status !== "passed") return { problem: `The issuer's status list is out of date, ${UNUSABLE}` };
  const statusList = isRecord(jws.payload.status_list) ? jws.payload.status_list : {};
  const bits = Number(statusList.bits);
  if (![1, 2, 4, 8].includes(bits)) return { problem: `The issuer's status list is malformed, ${UNUSABLE}` };
  try {
    const list = inflateList(statusList.lst);
    return list ? { bits, list } : { problem: `The issuer's status list could not be decoded, ${UNUSABLE}` };
  } catch {
    return { problem: `The issuer's status list is too large or could not be unpacked, ${UNUSABLE}` };
  }
}

/** The status value at `idx`: `bits` bits per entry, the first entry in the least significant bits. */
export function statusValueAt(list: Uint8Array, bits: number, idx: number): number | undefined {
  const position = idx * bits;
  const byte = list[position >> 3];
  if (byte === undefined) return undefined;
  return (byte >> (position & 7)) & ((1 << bits) - 1);
}

export async function checkTokenStatusList(
  reference: TokenStatusReference,
  issuerId: string | undefined,
  deps: VerifyDeps,
): Promise<Check> {
  const details = {
    statusListUrl: reference.uri,
    statusListIndex: reference.idx === undefined ? undefined : String(reference.idx),
    statusMethod: "Token Status List",
    checkedAt: deps.now().toISOString(),
  };
  if (!reference.uri || reference.idx === undefined)
    return unknown("status", `The credential's status entry is incomplete, ${UNUSABLE}`, details);
  if (!issuerId) return unknown("status", `The credential does not name its issuer, ${UNUSABLE}`, details);
  let loaded: Loaded;
  try {
    loaded = await loadList(reference.uri, issuerId, deps);
  } catch (error) {
    return unknown("status", `The issuer's status list could not be checked, ${UNUSABLE}`, {
      ...details,
      error: errorDetail(error),
    });
  }
  if ("problem" in loaded) return unknown("status", loaded.problem, details);
  const value = statusValueAt(loaded.list, loaded.bits, reference.idx);
  if (value === undefined)
    return unknown("status", `The credential's position is outside the issuer's status list, ${UNUSABLE}`, details);
  // 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED; other values are the issuer's own and not read.
  if (value === 1) return failed("status", "The issuer has revoked this credential.", details);
  if (value === 2) return failed("status", "The issuer has suspended this credential.", details);
  if (value !== 0)
    return unknown("status", `The issuer gives this credential a status Tessera does not know (${value}).`, details);
  return passed("status", "The issuer's status list says this credential has not been revoked or suspended.", details);
}
