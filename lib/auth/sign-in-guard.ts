import "server-only";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { clientAddress } from "./client-ip";
import { checkEmailAddress } from "./email-address";
import { consumeSignInAllowance, tooManyRequestsMessage } from "./rate-limit";

/**
 * The checks every magic-link request passes, whether it comes from our form's server action or
 * straight to Auth.js's endpoint: one valid address, then the per-address and per-client limits.
 * Answers the address to send to, or throws the DomainError the caller's wrapper maps (400 with
 * the `email` field, or 429 with Retry-After).
 */
export async function guardMagicLinkRequest(rawEmail: unknown, headers: Headers): Promise<string> {
  const checked = checkEmailAddress(rawEmail);
  if (!checked.ok)
    throw new DomainError("invalid_input", checked.message, { fieldErrors: { email: [checked.message] } });
  const limit = await consumeSignInAllowance(checked.email, clientAddress(headers, env.trustedProxyHops));
  if (!limit.ok)
    throw new DomainError("rate_limited", tooManyRequestsMessage(limit.retryAfterSeconds), {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  return checked.email;
}
