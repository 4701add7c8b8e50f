"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { publicFormAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { guardMagicLinkRequest } from "@/lib/auth/sign-in-guard";
import { env } from "@/lib/env";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";

const requestMagicLinkSchema = z
  .object({
    // Longer than any address: refused by the guard below with the form's own words.
    email: z.string().max(10_000),
    callbackUrl: z.string().max(2048).optional(),
  })
  .strict();

/** The guard's refusals in the reader's language (Auth.js's own endpoint keeps the English JSON). */
async function inReadersLanguage(error: DomainError): Promise<DomainError> {
  const t = await getTranslations();
  if (error.code === "invalid_input") {
    const message = t("auth.errors.invalidEmail");
    return new DomainError("invalid_input", message, { fieldErrors: { email: [message] } });
  }
  if (error.code === "rate_limited") {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return new DomainError("rate_limited", t("auth.errors.tooManyRequests", { minutes }), {
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
  return error;
}

/** The sign-in form (useActionState): one valid address, within its limits, gets a magic link. */
export const requestMagicLinkAction = publicFormAction(requestMagicLinkSchema, async ({ email, callbackUrl }) => {
  const address = await guardMagicLinkRequest(email, await headers()).catch(async (error: unknown) => {
    throw isDomainError(error) ? await inReadersLanguage(error) : error;
  });
  await signIn("email", {
    email: address,
    redirectTo: safeRedirectPath(callbackUrl, env.appUrl),
    redirect: false,
  });
  redirect(`/check-email?email=${encodeURIComponent(address)}`);
});
