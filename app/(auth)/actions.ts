"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError, publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { guardMagicLinkRequest } from "@/lib/auth/sign-in-guard";
import { env } from "@/lib/env";

const requestMagicLinkSchema = z
  .object({
    email: z.string().max(400, "Enter one valid email address, like name@example.org."),
    callbackUrl: z.string().max(2048).optional(),
  })
  .strict();

const requestMagicLink = publicAction(requestMagicLinkSchema, async ({ email, callbackUrl }) => {
  const verdict = await guardMagicLinkRequest(email, await headers());
  if (!verdict.ok) {
    throw verdict.status === 429
      ? new ActionError("rate_limited", verdict.message)
      : new ActionError("invalid_input", verdict.message, { email: [verdict.message] });
  }
  await signIn("email", {
    email: verdict.email,
    redirectTo: safeRedirectPath(callbackUrl, env.appUrl),
    redirect: false,
  });
  redirect(`/check-email?email=${encodeURIComponent(verdict.email)}`);
});

/** useActionState form: (previous state, form data) → result. */
export async function requestMagicLinkAction(_previous: unknown, formData: FormData) {
  return requestMagicLink(formData);
}
