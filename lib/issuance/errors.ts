/**
 * Why an offer from an issuer was refused, in words a health worker understands. Library errors
 * (@openid4vc) and fetch refusals (lib/net) are turned into one of these, never shown raw.
 */
import { brandOf } from "@/lib/errors/brand";
import { DomainError } from "@/lib/errors/domain-error";
import { isFetchRefusedError } from "@/lib/net";

export class OfferRefusedError extends DomainError {
  static override readonly brand = brandOf("OfferRefusedError");
  override readonly name = "OfferRefusedError";

  constructor(message: string, options: { cause?: unknown } = {}) {
    super("refused", message, options);
  }
}

/** Wraps whatever a step threw: fetch refusals keep their plain reason; anything else gets `fallback`. */
export function offerRefusal(error: unknown, fallback: string): OfferRefusedError {
  if (error instanceof OfferRefusedError) return error;
  // The protocol library wraps what our fetcher threw; its cause chain still holds the plain reason.
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isFetchRefusedError(e))
      return new OfferRefusedError(`Tessera could not get what it needs from the issuer: ${e.message}`, {
        cause: error,
      });
  }
  return new OfferRefusedError(fallback, { cause: error });
}
