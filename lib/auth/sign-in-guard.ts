import "server-only";
import { env } from "@/lib/env";
import { clientAddress } from "./client-ip";
import { checkEmailAddress } from "./email-address";
import { consumeSignInAllowance, tooManyRequestsMessage } from "./rate-limit";

export type SignInGuardResult = { ok: true; email: string } | { ok: false; status: 400 | 429; message: string };

/**
 * The checks every magic-link request passes, whether it comes from our form's server action or
 * straight to Auth.js's endpoint: one valid address, then the per-address and per-client limits.
 */
export async function guardMagicLinkRequest(rawEmail: unknown, headers: Headers): Promise<SignInGuardResult> {
  const checked = checkEmailAddress(rawEmail);
  if (!checked.ok) return { ok: false, status: 400, message: checked.message };
  const limit = await consumeSignInAllowance(checked.email, clientAddress(headers, env.trustedProxyHops));
  if (!limit.ok) return { ok: false, status: 429, message: tooManyRequestsMessage(limit.retryAfterSeconds) };
  return { ok: true, email: checked.email };
}
