import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { PasskeySignInButton } from "@/components/auth/passkey-sign-in-button";
import { Alert } from "@/components/ui/alert";
import { getCurrentHolder } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { signInErrorMessage } from "./error-messages";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl, env.appUrl);
  if (await getCurrentHolder()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? signInErrorMessage(params.error) : null;
  return (
    <AuthCard title="Sign in to Tessera">
      <p className="text-slate-700 dark:text-slate-300">
        Enter your email and we will send you a link. New here? The same link creates your wallet.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <EmailSignInForm callbackUrl={callbackUrl} />
      <div className="flex items-center gap-3 text-sm text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        or
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <PasskeySignInButton callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
