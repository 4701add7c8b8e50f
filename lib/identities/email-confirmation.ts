import "server-only";
import type { Database } from "@/db/client";
import { checkEmailAddress } from "@/lib/auth/email-address";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/magic-link-lifetime";
import { sendMail } from "@/lib/auth/mailer";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { processLimiter } from "@/lib/runtime/limits";
import { createEmailConfirmation } from "./emails-data";

/** Links to confirm an address follow the sign-in links' rules: same lifetime, single use, a confirm page. */
export const CONFIRMATION_MAX_AGE_SECONDS = MAGIC_LINK_MAX_AGE_SECONDS;
const WINDOW_SECONDS = 15 * 60;
/** Per holder, whatever the addresses: adding addresses is rare, mail bombing through it is not. */
const PER_HOLDER = 10;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function emailConfirmationUrl(token: string): string {
  const url = new URL("/settings/emails/confirm", env.appUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

async function spendLimits(holderId: string, email: string): Promise<void> {
  // Spent before anything is looked up, so the answers cannot be probed in bulk (docs/threat-model.md A3).
  const results = [
    await processLimiter({ name: "email-add-holder", points: PER_HOLDER, durationSeconds: WINDOW_SECONDS }).consume(
      holderId,
    ),
    await processLimiter({
      name: "email-add-address",
      points: env.signInLimitPerEmail,
      durationSeconds: WINDOW_SECONDS,
    }).consume(email),
  ];
  const refused = results.find((result) => !result.ok);
  if (refused && !refused.ok) {
    const minutes = Math.max(1, Math.ceil(refused.retryAfterSeconds / 60));
    throw new DomainError(
      "rate_limited",
      `Too many confirmation emails were requested. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      { retryAfterSeconds: refused.retryAfterSeconds },
    );
  }
}

/** Validates the address as sign-in does, spends the limits, stores the link's hash and mails the link. */
export async function sendEmailConfirmation(db: Database, holderId: string, rawEmail: unknown): Promise<string> {
  const checked = checkEmailAddress(rawEmail);
  if (!checked.ok)
    throw new DomainError("invalid_input", checked.message, { fieldErrors: { email: [checked.message] } });
  await spendLimits(holderId, checked.email);
  const token = await createEmailConfirmation(db, holderId, checked.email, {
    maxAgeSeconds: CONFIRMATION_MAX_AGE_SECONDS,
  });
  const link = emailConfirmationUrl(token);
  const minutes = CONFIRMATION_MAX_AGE_SECONDS / 60;
  await sendMail({
    to: checked.email,
    subject: "Confirm your address for Tessera",
    text: [
      "Hello,",
      "",
      "Someone signed in to Tessera asked to add this address to their credential wallet.",
      "If that was you, open this link while signed in and press Confirm:",
      link,
      "",
      `The link works once and expires in ${minutes} minutes.`,
      "If it was not you, ignore this email: the address is not added.",
    ].join("\n"),
    html: `<p>Hello,</p><p>Someone signed in to Tessera asked to add this address to their credential wallet. If that was you, <a href="${escapeHtml(link)}">confirm this address</a> while signed in.</p><p>The link works once and expires in ${minutes} minutes. If it was not you, ignore this email: the address is not added.</p>`,
  });
  return checked.email;
}
