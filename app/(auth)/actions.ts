"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicFormAction } from "@/lib/actions/action";
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

/** The sign-in form (useActionState): one valid address, within its limits, gets a magic link. */
export const requestMagicLinkAction = publicFormAction(requestMagicLinkSchema, async ({ email, callbackUrl }) => {
  const address = await guardMagicLinkRequest(email, await headers());
  await signIn("email", {
    email: address,
    redirectTo: safeRedirectPath(callbackUrl, env.appUrl),
    redirect: false,
  });
  redirect(`/check-email?email=${encodeURIComponent(address)}`);
});
