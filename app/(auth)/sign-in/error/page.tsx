import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { signInLabels } from "@/components/auth/sign-in-labels";
import { Alert } from "@/components/ui/alert";
import { signInErrorKey } from "../error-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auth.errorPageTitle") };
}

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  const [t, labels] = await Promise.all([getTranslations(), signInLabels()]);
  return (
    <AuthCard title={t("auth.errorTitle")} returnTo="/sign-in">
      <Alert tone="error">{t(signInErrorKey(typeof error === "string" ? error : ""))}</Alert>
      <EmailSignInForm labels={labels.email} />
    </AuthCard>
  );
}
