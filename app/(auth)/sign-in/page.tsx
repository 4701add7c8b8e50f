import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { PasskeySignInButton } from "@/components/auth/passkey-sign-in-button";
import { signInLabels } from "@/components/auth/sign-in-labels";
import { Alert } from "@/components/ui/alert";
import { getCurrentHolder } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { signInErrorKey } from "./error-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auth.signInPageTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl, env.appUrl);
  if (await getCurrentHolder()) redirect(callbackUrl);
  const [t, labels] = await Promise.all([getTranslations(), signInLabels()]);
  const error = typeof params.error === "string" ? t(signInErrorKey(params.error)) : null;
  return (
    <AuthCard title={t("auth.signInTitle")} returnTo="/sign-in">
      <p className="text-slate-700 dark:text-slate-300">{t("auth.signInIntro")}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <EmailSignInForm callbackUrl={callbackUrl} labels={labels.email} />
      <div className="flex items-center gap-3 text-sm text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        {t("auth.or")}
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <PasskeySignInButton callbackUrl={callbackUrl} labels={labels.passkey} />
    </AuthCard>
  );
}
