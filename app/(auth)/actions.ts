"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicFormAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { guardMagicLinkRequest } from "@/lib/auth/sign-in-guard";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";

const requestMagicLinkSchema = z
  .object({
    email: z.string().max(400, "Enter one valid email address, like name@example.org."),
    callbackUrl: z.string().max(2048).optional(),
  })
  .strict();

/** The sign-in form (useActionState): one valid address, within its limits, gets a magic link. */
export const requestMagicLinkAction = publicFormAction(requestMagicLinkSchema, async ({ email, callbackUrl }) => {
  const verdict = await guardMagicLinkRequest(email, await headers());
  if (!verdict.ok) {
    throw verdict.status === 429
      ? new DomainError("rate_limited", verdict.message)
      : new DomainError("invalid_input", verdict.message, { fieldErrors: { email: [verdict.message] } });
  }
  await signIn("email", {
    email: verdict.email,
    redirectTo: safeRedirectPath(callbackUrl, env.appUrl),
    redirect: false,
  });
  redirect(`/check-email?email=${encodeURIComponent(verdict.email)}`);
});
