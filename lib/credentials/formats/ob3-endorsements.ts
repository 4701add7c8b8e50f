import { normalizeDate } from "../normalize/dates";
import type { Endorsement } from "../record";
import { firstRecord, idOf, isRecord, list, records, text, type Json } from "./json";
import { decodeCompactJws } from "./jws";

function fromCredential(e: Json): Endorsement {
  const subject = firstRecord(e.credentialSubject);
  const issuer = e.issuer;
  return {
    issuerId: idOf(issuer),
    issuerName: isRecord(issuer) ? text(issuer.name) : undefined,
    comment: text(subject?.endorsementComment),
    date: normalizeDate(e.validFrom ?? e.issuanceDate),
  };
}

function fromJwt(token: unknown): Endorsement | undefined {
  if (typeof token !== "string") return undefined;
  try {
    const { payload } = decodeCompactJws(token);
    return fromCredential(isRecord(payload.vc) ? payload.vc : payload);
  } catch {
    // An unreadable (or unsigned) endorsement is left out; it never fails the badge (docs/formats/ob3.md#endorsements).
    return undefined;
  }
}

/** `endorsement[]` and `endorsementJwt[]` on the credential, its achievement and its issuer. Shown, not verified, here. */
export function ob3Endorsements(...holders: unknown[]): Endorsement[] {
  return records(holders).flatMap((h) => [
    ...records(h.endorsement).map(fromCredential),
    ...list(h.endorsementJwt)
      .map(fromJwt)
      .filter((e): e is Endorsement => e !== undefined),
  ]);
}
